package cn.anxun.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.courses.Course;
import cn.anxun.courses.CourseReviews;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Courses by where they stand in their review: the operator's queue, the catalogue of online courses. */
@Component(service = ApiResource.class)
@Path("/courses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "courses")
public class CourseReviewsResource implements ApiResource {

    private final CourseReviews reviews;

    @Activate
    public CourseReviewsResource(@Reference CourseReviews reviews) {
        this.reviews = reviews;
    }

    @GET
    @Operation(operationId = "listCoursesInStatus", summary = "The courses in a status that the caller may see, "
            + "oldest change first: IN_REVIEW is the operator's queue, ONLINE the catalogue",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public List<Course> inStatus(@Context Caller caller,
            @Parameter(description = "DRAFT, IN_REVIEW, RETURNED, ONLINE or TAKEN_DOWN") @QueryParam("status")
            String status) {
        return reviews.inStatus(caller, Problems.oneOf("status", Course.Status.class, status));
    }
}
