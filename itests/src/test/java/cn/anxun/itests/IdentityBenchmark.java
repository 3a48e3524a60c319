package cn.anxun.itests;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;

import org.junit.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What identity costs on this machine: registration, login and an authenticated request, each timed end to end
 * over HTTP against the distribution with its shipped settings (bcrypt cost 11). Prints figures; asserts only that
 * the calls succeed. Run with {@code mvn verify -pl itests -Dit.test=IdentityBenchmark}.
 */
public class IdentityBenchmark extends AnxunTestSupport {

    private static final int WARM_UP = 5;
    private static final int RUNS = 40;

    @Test
    public void registrationLoginAndAnAuthenticatedRequest() throws Exception {
        Identity.cityInstalled(bundleContext, http, "guangzhou", "440100");
        List<String> idNumbers = new ArrayList<>();
        print("registration", () -> {
            String idNumber = IdNumbers.next();
            idNumbers.add(idNumber);
            ObjectNode registration = Identity.registration(idNumber, null);
            return http.post("/api/v1/learners", registration.toString()).status();
        }, 201);
        int[] next = {0};
        print("learner login", () -> http.post("/api/v1/auth/login", "{\"idNumber\":\""
                + idNumbers.get(next[0]++ % idNumbers.size()) + "\",\"password\":\"" + Identity.LEARNER_PASSWORD
                + "\"}").status(), 200);
        print("staff login", () -> http.post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\""
                + Identity.ADMIN_PASSWORD + "\"}").status(), 200);
        Identity.Account learner = new Identity(http).login("{\"idNumber\":\"" + idNumbers.get(0)
                + "\",\"password\":\"" + Identity.LEARNER_PASSWORD + "\"}");
        print("GET /me with a bearer token", () -> learner.http().get("/api/v1/me").status(), 200);
        print("GET /learners/{id}/personal-data (unseal + audit row)", () -> learner.http()
                .get("/api/v1/learners/" + learner.id() + "/personal-data").status(), 200);
    }

    /** Calls after a warm-up, timed; prints the median, p95 and maximum. */
    static void print(String what, IntSupplier call, int status) {
        for (int i = 0; i < WARM_UP; i++) {
            assertEquals(status, call.getAsInt());
        }
        long[] millis = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            assertEquals(status, call.getAsInt());
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("%-55s median %4d ms  p95 %4d ms  max %4d ms  (%d runs)%n", what, millis[RUNS / 2],
                millis[RUNS * 95 / 100], millis[RUNS - 1], RUNS);
    }
}
