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

import cn.anxun.courses.CourseFeedback;
import cn.anxun.courses.Feedback;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The courses learners are not satisfied with, for the operator and for each course's institution. */
@Component(service = ApiResource.class)
@Path("/low-satisfaction-courses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "courses")
public class LowSatisfactionResource implements ApiResource {

    private final CourseFeedback feedback;

    @Activate
    public LowSatisfactionResource(@Reference CourseFeedback feedback) {
        this.feedback = feedback;
    }

    @GET
    @Operation(operationId = "listLowSatisfactionCourses", summary = "Courses whose mean score is under the "
            + "configured threshold with enough ratings: all for the operator, their own for institution staff",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public List<Feedback> list(@Context Caller caller) {
        return feedback.lowSatisfaction(caller);
    }
}
