package cn.anxun.rest.internal;

import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.courses.Course;
import cn.anxun.courses.CourseDraft;
import cn.anxun.courses.CourseFeedback;
import cn.anxun.courses.CourseReviews;
import cn.anxun.courses.Courses;
import cn.anxun.courses.Feedback;
import cn.anxun.courses.ReviewStep;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * One course: its units with their measured durations and findings, its hours against its programmes, its media for
 * learners, and its review.
 */
@Component(service = ApiResource.class)
@Path("/courses/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "courses", description = "Institutions' courses of video, audio and text units")
public class CoursesResource implements ApiResource {

    private final Courses courses;
    private final CourseReviews reviews;
    private final CourseFeedback feedback;

    @Activate
    public CoursesResource(@Reference Courses courses, @Reference CourseReviews reviews,
            @Reference CourseFeedback feedback) {
        this.courses = courses;
        this.reviews = reviews;
        this.feedback = feedback;
    }

    @GET
    @Operation(operationId = "getCourse", summary = "The course, with each unit's duration as measured from its "
            + "media and what the validators found", security = @SecurityRequirement(name = AuthResource.BEARER))
    public Course course(@Context Caller caller, @PathParam("id") String course) {
        return courses.get(caller, course);
    }

    @PUT
    @Operation(operationId = "updateCourse", summary = "Replace a draft's title, programmes, teachers and units",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public Course update(@Context Caller caller, @PathParam("id") String course, CourseDraft draft) {
        return courses.update(caller, course, draft);
    }

    @GET
    @Path("units/{position}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "getUnitContent", summary = "A unit's video or sound, or a picture of a text unit, "
            + "whole or in the range asked for; for learners once the course is online",
            security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = {@ApiResponse(responseCode = "200", description = "the medium", content = {
                    @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary"))}),
                @ApiResponse(responseCode = "206", description = "the range asked for", content = {
                    @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary"))})})
    public Response unitContent(@Context Caller caller, @PathParam("id") String course,
            @PathParam("position") int position,
            @Parameter(description = "a text unit's picture, from 0") @QueryParam("picture") int picture,
            @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange) {
        return MediaDownloads.send(courses.unitMedia(caller, course, position, picture), range, ifRange);
    }

    @POST
    @Path("submission")
    @Operation(operationId = "submitCourse", summary = "Submit a course for review with the institution's "
            + "declarations; refused while a unit is unchecked or blocked, or its hours exceed a programme's online "
            + "hours", security = @SecurityRequirement(name = AuthResource.BEARER))
    public Course submit(@Context Caller caller, @PathParam("id") String course,
            ReviewStep.Declarations declarations) {
        return reviews.submit(caller, course, declarations);
    }

    /** The operator's decision and the verdict on each aspect. */
    public record Decision(String decision, Map<ReviewStep.Aspect, ReviewStep.Verdict> aspects) {
    }

    @POST
    @Path("decisions")
    @Operation(operationId = "decideCourse", summary = "The operator's review: APPROVE (every aspect passed) puts "
            + "the course online, RETURN (failed aspects with notes) sends it back",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public Course decide(@Context Caller caller, @PathParam("id") String course, Decision decision) {
        return reviews.decide(caller, course, Problems.oneOf("decision", ReviewStep.Action.class,
                decision == null ? null : decision.decision()), decision == null ? null : decision.aspects());
    }

    /** What a regulator found, or why a course is taken down. */
    public record Note(String text) {
    }

    @POST
    @Path("spot-checks")
    @Operation(operationId = "spotCheckCourse", summary = "A regulator records what a spot check of a course of an "
            + "institution in their region found", security = @SecurityRequirement(name = AuthResource.BEARER))
    public Course spotCheck(@Context Caller caller, @PathParam("id") String course, Note finding) {
        return reviews.spotCheck(caller, course, finding == null ? null : finding.text());
    }

    @POST
    @Path("takedown")
    @Operation(operationId = "takeDownCourse", summary = "Take an online course offline with the reason: its "
            + "institution, the operator or a regulator of its region", security = @SecurityRequirement(name =
            AuthResource.BEARER))
    public Course takeDown(@Context Caller caller, @PathParam("id") String course, Note reason) {
        return reviews.takeDown(caller, course, reason == null ? null : reason.text());
    }

    @POST
    @Path("ratings")
    @Operation(operationId = "rateCourse", summary = "A learner rates an online course and its teachers (1-5) with an "
            + "optional comment, which is shown once the content filters pass it; a new rating replaces the "
            + "learner's last", security = @SecurityRequirement(name = AuthResource.BEARER), responses = {
                @ApiResponse(responseCode = "201", description = "the rating", content = @Content(schema = @Schema(
                        implementation = Feedback.Given.class))),
                @ApiResponse(responseCode = "409", description = "the course is not online, or the learner's "
                        + "rating changed at the same moment")})
    public Response rate(@Context Caller caller, @PathParam("id") String course, Feedback.Rating rating) {
        return Response.status(Response.Status.CREATED).entity(feedback.rate(caller, course, rating)).build();
    }

    @GET
    @Path("feedback")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCourseFeedback", summary = "Learners' mean scores for the course and its teachers, "
            + "the comments shown, and whether satisfaction is low (R-19)",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public Feedback feedback(@Context Caller caller, @PathParam("id") String course) {
        return feedback.of(caller, course);
    }
}
