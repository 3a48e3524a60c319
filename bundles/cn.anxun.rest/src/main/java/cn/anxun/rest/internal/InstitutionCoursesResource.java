package cn.anxun.rest.internal;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.courses.Course;
import cn.anxun.courses.CourseDraft;
import cn.anxun.courses.Courses;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The courses an institution teaches. */
@Component(service = ApiResource.class)
@Path("/institutions/{id}/courses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "courses")
public class InstitutionCoursesResource implements ApiResource {

    private final Courses courses;

    @Activate
    public InstitutionCoursesResource(@Reference Courses courses) {
        this.courses = courses;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCourse", summary = "A new course draft: title, programmes, teachers and units "
            + "of type VIDEO, AUDIO (an uploaded medium) or TEXT (text and uploaded pictures)",
            security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "201", description = "the course, a draft", content = @Content(schema = @Schema(
                    implementation = Course.class))))
    public Response create(@Context Caller caller, @PathParam("id") String institution, CourseDraft draft) {
        Course course = courses.create(caller, institution, draft);
        return Response.created(URI.create("courses/" + course.id())).entity(course).build();
    }

    @GET
    @Operation(operationId = "listInstitutionCourses", summary = "The institution's courses, newest first",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public List<Course> list(@Context Caller caller, @PathParam("id") String institution) {
        return courses.ofInstitution(caller, institution);
    }
}
