package cn.anxun.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

import cn.anxun.rest.Problem;

public class JsonExceptionMapperTest {

    /** A request body with a nested part, as the web API would read it. */
    public record Employer(String name, int staff) {
    }

    public record Registration(String realName, Employer employer) {
    }

    private final JsonExceptionMapper mapper = new JsonExceptionMapper();

    private Problem problemFor(String json) {
        JsonProcessingException failure = assertThrows(JsonProcessingException.class,
                () -> Json.mapper().readValue(json, Registration.class));
        return mapper.problem(failure);
    }

    @Test
    public void brokenJsonSaysWhere() {
        Problem problem = problemFor("{\"realName\": \"张三\",\n \"employer\": {\"name\": }");
        assertEquals("malformed-json", problem.slug());
        assertEquals(400, problem.status());
        assertTrue(problem.detail(), problem.detail().contains("line 2"));
    }

    @Test
    public void anUnknownFieldIsNamedNotDropped() {
        Problem problem = problemFor("{\"realName\": \"张三\", \"employer\": {\"name\": \"某公司\", \"staff\": 3, \"phone\": \"13800138000\"}}");
        assertEquals("unknown-field", problem.slug());
        assertEquals("employer.phone", problem.errors().get(0).field());
        assertTrue(problem.detail(), problem.detail().contains("'employer.phone'"));
    }

    @Test
    public void aValueOfTheWrongTypeNamesItsField() {
        Problem problem = problemFor("{\"realName\": \"张三\", \"employer\": {\"name\": \"某公司\", \"staff\": \"many\"}}");
        assertEquals("invalid-json", problem.slug());
        assertEquals("employer.staff", problem.errors().get(0).field());
    }

    @Test
    public void trailingContentIsMalformed() {
        assertEquals("malformed-json", problemFor("{\"realName\": \"张三\"} {}").slug());
    }
}
