package cn.anxun.rest.internal;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.QueryParam;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * Where a page of a list starts and how many rows it holds, from the query string. The fields are public so that the
 * OpenAPI document finds them.
 */
public class Paging {

    @QueryParam("after")
    @Parameter(description = "the next of the page before")
    public String after;

    @QueryParam("limit")
    @DefaultValue("50")
    @Parameter(description = "at most 500")
    public int limit;
}
