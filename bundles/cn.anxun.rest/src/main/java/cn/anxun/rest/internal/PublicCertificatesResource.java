package cn.anxun.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.archive.Certificate;
import cn.anxun.archive.CertificateCheck;
import cn.anxun.archive.Certificates;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Verification of a certificate by its number, for anyone: the answer as JSON, and as a small page in Chinese for a
 * phone that scanned the QR code. Each look-up is counted and limited per address.
 */
@Component(service = ApiResource.class)
@Path("/public/certificates/{number}")
@Tag(name = "public")
public class PublicCertificatesResource implements ApiResource {

    private static final String TOO_MANY = "too many look-ups from this address lately; Retry-After says when "
            + "the next is taken";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final String STYLE = "body{font-family:sans-serif;margin:1em;max-width:40em;color:#111}"
            + "h1{font-size:1.4em}dt{color:#555;margin-top:.6em}dd{margin:0;font-size:1.1em}"
            + ".valid{color:#05631c}.revoked{color:#a40000}";
    private static final String POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; "
            + "frame-ancestors 'none'";

    private final Certificates certificates;

    @Activate
    public PublicCertificatesResource(@Reference Certificates certificates) {
        this.certificates = certificates;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyCertificate", summary = "Verifies a certificate's number: masked name and ID "
            + "number, programme, hours, dates, institution and status; no login; counted and limited per address",
            responses = {
                @ApiResponse(responseCode = "200", description = "the certificate as it stands", content = @Content(
                        schema = @Schema(implementation = CertificateCheck.class))),
                @ApiResponse(responseCode = "404", description = "no certificate has the number"),
                @ApiResponse(responseCode = "429", description = TOO_MANY)})
    public CertificateCheck check(@Context Caller caller, @PathParam("number") String number) {
        return certificates.check(caller, number);
    }

    @GET
    @Path("page")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(operationId = "verifyCertificatePage", summary = "The same verification as a page in Chinese, which "
            + "the certificate's QR code opens", responses = {
                @ApiResponse(responseCode = "200", description = "the page", content = @Content(mediaType =
                        MediaType.TEXT_HTML, schema = @Schema(type = "string"))),
                @ApiResponse(responseCode = "404", description = "no certificate has the number"),
                @ApiResponse(responseCode = "429", description = TOO_MANY)})
    public Response page(@Context Caller caller, @PathParam("number") String number) {
        CertificateCheck check = certificates.check(caller, number);
        boolean valid = check.status() == Certificate.Status.VALID;
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>培训合格证明核验</title>"
                + "<style>" + STYLE + "</style></head><body><h1>培训合格证明核验</h1>");
        html.append("<p class=\"").append(valid ? "valid" : "revoked").append("\"><strong>")
                .append(valid ? "本证明有效" : "本证明已于 " + DAY.format(check.revokedAt().atZone(CHINA)) + " 撤销")
                .append("</strong></p><dl>");
        field(html, "证明编号", check.number());
        field(html, "姓名", check.learnerName());
        field(html, "身份证号码", check.idNumber());
        field(html, "培训项目", check.programmeName());
        field(html, "培训班", check.className());
        field(html, "培训机构", check.institutionName() + "（备案编号 " + check.registrationNumber() + "）");
        field(html, "线上学时", check.onlineHours() + " 学时");
        field(html, "培训日期", DAY.format(check.startsOn()) + " 至 " + DAY.format(check.endsOn()));
        field(html, "完成日期", DAY.format(check.completedOn()));
        field(html, "签发时间", DAY.format(check.issuedAt().atZone(CHINA)));
        if (check.predecessor() != null) {
            field(html, "替代证明", check.predecessor());
        }
        field(html, "核验次数", Long.toString(check.lookups()));
        html.append("</dl><p>请与纸质证明逐项核对；姓名与身份证号码已部分隐藏。</p></body></html>");
        return Response.ok(html.toString()).header("Content-Security-Policy", POLICY).build();
    }

    private static void field(StringBuilder html, String label, String value) {
        html.append("<dt>").append(label).append("</dt><dd>").append(escaped(value)).append("</dd>");
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String sha256(String style) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(style.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
