package cn.anxun.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.Caller;
import cn.anxun.media.MediaValidations;
import cn.anxun.media.Validation;
import cn.anxun.platform.jobs.JobState;
import cn.anxun.platform.jobs.Scheduler;
import cn.anxun.rest.ApiResource;
import cn.anxun.rest.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The platform's background work as the operator sees it: what runs now, and what was parked and why. */
@Component(service = ApiResource.class)
@Path("/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "Background work of the platform")
public class JobsResource implements ApiResource {

    /** The scheduler's jobs, and the runs parked after their last attempt. */
    public record Jobs(List<JobState> scheduled, List<Validation.Parked> parked) {
    }

    private final Scheduler scheduler;
    private final MediaValidations validations;

    @Activate
    public JobsResource(@Reference Scheduler scheduler, @Reference MediaValidations validations) {
        this.scheduler = scheduler;
        this.validations = validations;
    }

    @GET
    @Operation(operationId = "listJobs", summary = "Repeating jobs with how their last run ended, runs waiting, "
            + "running or abandoned after their time limit, and validations parked with their reason (operator)",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = {
                @ApiResponse(responseCode = "200", description = "the jobs",
                        content = @Content(schema = @Schema(implementation = Jobs.class))),
                @ApiResponse(responseCode = "401", description = "no valid bearer token",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @ApiResponse(responseCode = "403", description = "not the operator",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))})
    public Jobs list(@Context Caller caller) {
        // the parked list checks the caller: the operator only
        List<Validation.Parked> parked = validations.parked(caller);
        return new Jobs(scheduler.jobs(), parked);
    }
}
