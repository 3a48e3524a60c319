package cn.anxun.rest.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.exams.Question;
import cn.anxun.exams.QuestionBank;
import cn.anxun.exams.QuestionBanks;
import cn.anxun.exams.QuestionImport;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import cn.anxun.sheets.SheetFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Question banks: kept by institutions and, for the whole province, by the operator. */
@Component(service = ApiResource.class)
@Path("/question-banks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "question banks", description = "Questions of institutions and the province, imported from spreadsheets")
public class QuestionBanksResource implements ApiResource {

    /**
     * A bank to open.
     *
     * @param institution the institution that keeps it; absent for the province's, which the operator keeps
     */
    public record BankOpening(String institution, String programme) {
    }


    private final QuestionBanks banks;

    @Activate
    public QuestionBanksResource(@Reference QuestionBanks banks) {
        this.banks = banks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "openQuestionBank", summary = "Opens the bank of an institution, or of the province, "
            + "for a programme", security = @SecurityRequirement(name = AuthResource.BEARER), responses = {
                @ApiResponse(responseCode = "201", description = "opened", content = @Content(schema = @Schema(
                        implementation = QuestionBank.class))),
                @ApiResponse(responseCode = "409", description = "the keeper has a bank for the programme already")})
    public Response open(@Context Caller caller, BankOpening opening) {
        Problems.required("body", opening);
        QuestionBank opened = banks.open(caller, opening.institution(), opening.programme());
        return Response.created(URI.create("question-banks/" + opened.id())).entity(opened).build();
    }

    @GET
    @Operation(operationId = "listQuestionBanks", summary = "The banks an institution's tests may draw from (its own, "
            + "then the province's); without an institution, the province's",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the banks", content = @Content(array = @ArraySchema(
                            schema = @Schema(implementation = QuestionBank.class)))))
    public List<QuestionBank> list(@Context Caller caller, @QueryParam("institution") String institution) {
        return institution == null ? banks.ofProvince(caller) : banks.ofInstitution(caller, institution);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getQuestionBank", summary = "A bank", security = @SecurityRequirement(
            name = AuthResource.BEARER), responses = @ApiResponse(responseCode = "200", description = "the bank",
                    content = @Content(schema = @Schema(implementation = QuestionBank.class))))
    public QuestionBank get(@Context Caller caller, @PathParam("id") String id) {
        return banks.get(caller, id);
    }

    @GET
    @Path("{id}/questions")
    @Operation(operationId = "listQuestions", summary = "The questions in force, by code",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the questions", content = @Content(array = @ArraySchema(
                            schema = @Schema(implementation = Question.class)))))
    public List<Question> questions(@Context Caller caller, @PathParam("id") String id) {
        return banks.questions(caller, id);
    }

    @POST
    @Path("{id}/questions")
    @Consumes({SheetFormat.XLSX_TYPE, "application/vnd.ms-excel", "text/csv", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "importQuestions", summary = "Adds and revises questions from a spreadsheet (.xlsx, .xls, "
            + "or CSV in UTF-8 or GBK) with the header 编号, 题型, 题目, 选项A … 选项H, 答案, 解析, 知识点, 难度: all rows "
            + "or none; a refusal names each broken rule by its cell, e.g. D7. Audited.",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "what the import did", content = @Content(schema = @Schema(
                            implementation = QuestionImport.class))))
    public QuestionImport importSheet(@Context Caller caller, @PathParam("id") String id, byte[] sheet) {
        return banks.importSheet(caller, id, sheet);
    }

    @GET
    @Path("{id}/sheet")
    @Produces({SheetFormat.XLSX_TYPE, "text/csv"})
    @Operation(operationId = "exportQuestions", summary = "The questions in force as a spreadsheet that imports back "
            + "unchanged", security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the sheet", content = {
                        @Content(mediaType = SheetFormat.XLSX_TYPE, schema = @Schema(type = "string",
                                format = "binary")),
                        @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))}))
    public Response export(@Context Caller caller, @PathParam("id") String id, @Parameter(description = "XLSX or "
            + "CSV (UTF-8 with a byte order mark)") @QueryParam("format") @DefaultValue("XLSX") String format) {
        SheetFormat chosen = Problems.oneOf("format", SheetFormat.class, format.toUpperCase(Locale.ROOT));
        return Response.ok(banks.export(caller, id, chosen), chosen.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, Documents.attachment("questions-" + id + "."
                        + chosen.extension())).build();
    }

    @GET
    @Path("{id}/questions/{code}")
    @Operation(operationId = "listQuestionVersions", summary = "Every version of a question, newest first",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the versions", content = @Content(array = @ArraySchema(
                            schema = @Schema(implementation = Question.class)))))
    public List<Question> versions(@Context Caller caller, @PathParam("id") String id,
            @PathParam("code") String code) {
        return banks.versions(caller, id, code);
    }

    @DELETE
    @Path("{id}/questions/{code}")
    @Operation(operationId = "retireQuestion", summary = "Takes a question out of force; tests taken keep the version "
            + "they showed. Audited.", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "200", description = "the version retired", content = @Content(
                    schema = @Schema(implementation = Question.class))))
    public Question retire(@Context Caller caller, @PathParam("id") String id, @PathParam("code") String code) {
        return banks.retire(caller, id, code);
    }
}
