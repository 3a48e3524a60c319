package cn.anxun.rest.internal;

import java.time.Clock;
import java.time.Duration;
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
import cn.anxun.platform.jobs.JobRun;
import cn.anxun.platform.jobs.JobState;
import cn.anxun.platform.jobs.Scheduler;
import cn.anxun.platform.node.Node;
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

    /**
     * The scheduler's jobs on the node that answers, and the runs parked after their last attempt.
     *
     * @param node the node that answers: each node runs its own scheduler, and a repeating job on one at a time
     * @param runs the runs of repeating jobs on every node in the last day, newest first, at most 500
     */
    public record Jobs(String node, List<JobState> scheduled, List<JobRun> runs, List<Validation.Parked> parked) {
    }

    private final Scheduler scheduler;
    private final MediaValidations validations;
    private final Node node;
    private final Clock clock;

    @Activate
    public JobsResource(@Reference Scheduler scheduler, @Reference MediaValidations validations,
            @Reference Node node, @Reference Clock clock) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.validations = validations;
        this.node = node;
    }

    @GET
    @Operation(operationId = "listJobs", summary = "The answering node's repeating jobs with how their last run "
            + "ended (SKIPPED where another node ran it), its runs waiting, running or abandoned after their time "
            + "limit, the last day's runs of repeating jobs on every node, and validations parked with their reason "
            + "(operator)",
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
        return new Jobs(node.name(), scheduler.jobs(), scheduler.runs(clock.instant().minus(Duration.ofDays(1)),
                500), parked);
    }
}
