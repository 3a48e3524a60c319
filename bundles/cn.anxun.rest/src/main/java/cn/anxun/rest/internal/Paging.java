package cn.anxun.rest.internal;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.QueryParam;

import io.swagger.v3.oas.annotations.Parameter;

/** Where a page of a list starts and how many rows it holds, from the query string. */
public class Paging {

    @QueryParam("after")
    @Parameter(description = "the next of the page before")
    private String after;

    @QueryParam("limit")
    @DefaultValue("50")
    @Parameter(description = "at most 500")
    private int limit;

    String after() {
        return after;
    }

    int limit() {
        return limit;
    }
}
