package cn.anxun.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.Caller;
import cn.anxun.ledger.Heartbeat;
import cn.anxun.ledger.StudyAnswer;
import cn.anxun.ledger.StudySession;
import cn.anxun.ledger.StudySessions;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Study sessions: the learner's alone, every rule decided by the server. */
@Component(service = ApiResource.class)
@Path("/study-sessions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "study", description = "Study sessions under face and idle checks; see docs/study.md")
public class StudySessionsResource implements ApiResource {

    private final StudySessions sessions;

    @Activate
    public StudySessionsResource(@Reference StudySessions sessions) {
        this.sessions = sessions;
    }

    @GET
    @Operation(operationId = "getStudySession", summary = "The learner's session",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the session", content = @Content(schema = @Schema(
                            implementation = StudySession.class))))
    public StudySession get(@Context Caller caller, @PathParam("id") String id) {
        return sessions.get(caller, id);
    }

    @POST
    @Path("heartbeats")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "studyHeartbeat", summary = "Where the learner is; the answer says what to do next",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = {
                @ApiResponse(responseCode = "200", description = "what to do next", content = @Content(schema = @Schema(
                        implementation = StudyAnswer.class))),
                @ApiResponse(responseCode = "409", description = "the class is not running or its institution may "
                        + "not train in its city now, or the unit is still being measured")})
    public StudyAnswer heartbeat(@Context Caller caller, @PathParam("id") String id, Heartbeat heartbeat) {
        return sessions.heartbeat(caller, id, Problems.required("body", heartbeat));
    }

    @POST
    @Path("face-checks")
    @Consumes({"image/jpeg", "image/png"})
    @Operation(operationId = "studyFaceCheck", summary = "A live capture during the session: a pass credits the "
            + "time since the last one and resumes a paused session; a failure pauses it",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = {
                @ApiResponse(responseCode = "200", description = "what to do next", content = @Content(schema = @Schema(
                        implementation = StudyAnswer.class))),
                @ApiResponse(responseCode = "409", description = "the class is not running or its institution may "
                        + "not train in its city now, or the unit is still being measured")})
    public StudyAnswer capture(@Context Caller caller, @PathParam("id") String id, byte[] capture) {
        return sessions.capture(caller, id, capture);
    }

    @POST
    @Path("presence")
    @Operation(operationId = "confirmStudyPresence", summary = "The learner's answer to an idle prompt",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "what to do next", content = @Content(schema = @Schema(
                            implementation = StudyAnswer.class))))
    public StudyAnswer presence(@Context Caller caller, @PathParam("id") String id) {
        return sessions.confirmPresence(caller, id);
    }

    @POST
    @Path("end")
    @Operation(operationId = "endStudySession", summary = "Ends the session; time since the last passed face check "
            + "is not credited", security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "ended", content = @Content(schema = @Schema(
                            implementation = StudyAnswer.class))))
    public StudyAnswer end(@Context Caller caller, @PathParam("id") String id) {
        return sessions.end(caller, id);
    }
}
