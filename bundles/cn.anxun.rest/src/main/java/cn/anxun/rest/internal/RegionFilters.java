package cn.anxun.rest.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import javax.ws.rs.QueryParam;

import cn.anxun.identity.RegionQuery;
import cn.anxun.rest.ProblemException;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * The filters of the supervision lists and their exports, from the query string; each optional. The fields are
 * public so that the OpenAPI document finds them, as it finds the properties of a JSON body.
 */
public class RegionFilters {

    @QueryParam("region")
    @Parameter(description = "city or county code: where the records lie")
    public String region;

    @QueryParam("institution")
    @Parameter(description = "an institution's id")
    public String institution;

    @QueryParam("programme")
    @Parameter(description = "a programme's code")
    public String programme;

    @QueryParam("class")
    @Parameter(description = "a class's id")
    public String classId;

    @QueryParam("from")
    @Parameter(description = "ISO date: the first day of the period")
    public String from;

    @QueryParam("to")
    @Parameter(description = "ISO date: the last day of the period")
    public String to;

    /** The query for a page. */
    RegionQuery query(Paging paging) {
        return query(paging.after, paging.limit);
    }

    /** The query for the page of {@code limit} rows after the position. */
    RegionQuery query(String after, int limit) {
        return new RegionQuery(region, institution, programme, classId, date("from", from), date("to", to), after,
                limit);
    }

    private static LocalDate date(String parameter, String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidParameter(parameter, "iso-8601-date", "must be a date such as 2026-12-01");
        }
    }
}
