package cn.anxun.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.courses.Course;
import cn.anxun.courses.CourseDraft;
import cn.anxun.courses.Courses;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** One course: its units with their measured durations and findings, and its hours against its programmes. */
@Component(service = ApiResource.class)
@Path("/courses/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "courses", description = "Institutions' courses of video, audio and text units")
public class CoursesResource implements ApiResource {

    private final Courses courses;

    @Activate
    public CoursesResource(@Reference Courses courses) {
        this.courses = courses;
    }

    @GET
    @Operation(operationId = "getCourse", summary = "The course, with each unit's duration as measured from its "
            + "media and what the validators found", security = @SecurityRequirement(name = AuthResource.BEARER))
    public Course course(@Context Caller caller, @PathParam("id") String course) {
        return courses.get(caller, course);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateCourse", summary = "Replace a draft's title, programmes, teachers and units",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public Course update(@Context Caller caller, @PathParam("id") String course, CourseDraft draft) {
        return courses.update(caller, course, draft);
    }
}
