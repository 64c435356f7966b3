package dev.palisade.rules.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.rules.schema.BundledSchemas;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written table checked against the schemas derived from the official client. */
class ApiLifecycleTest {
    @Test
    void everyReplacementIsServedByTheNewestBundledVersion() {
        List<String> problems = new ArrayList<>();
        for (ApiLifecycle.Entry e : ApiLifecycle.table()) {
            if (e.replacement() != null && !BundledSchemas.serves(BundledSchemas.newest(), e.replacement(), e.kind())) {
                problems.add(e.kind() + ": replacement " + e.replacement() + " is not served");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void noRemovedApiIsServedByAnyBundledVersion() {
        List<String> problems = new ArrayList<>();
        for (ApiLifecycle.Entry e : ApiLifecycle.table()) {
            for (BundledSchemas.Version v : BundledSchemas.versions()) {
                if (BundledSchemas.minor(v.kubernetesVersion()) >= e.removedIn()
                        && BundledSchemas.serves(v.kubernetesVersion(), e.apiVersion(), e.kind())) {
                    problems.add(e.apiVersion() + " " + e.kind() + " is served by " + v.kubernetesVersion());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void removalsInsideTheBundledRangeComeFromTheSchemas() {
        var s = ApiLifecycle.status("authentication.k8s.io/v1beta1", "SelfSubjectReview", "1.33").orElseThrow();
        ApiLifecycle.Removed r = assertInstanceOf(ApiLifecycle.Removed.class, s);
        assertEquals(33, r.removedIn());
        assertEquals("authentication.k8s.io/v1", r.replacement());
        assertTrue(ApiLifecycle.status("authentication.k8s.io/v1beta1", "SelfSubjectReview", "1.32").isEmpty()
                || ApiLifecycle.status("authentication.k8s.io/v1beta1", "SelfSubjectReview", "1.32").get()
                        instanceof ApiLifecycle.Deprecated);
        assertTrue(ApiLifecycle.status("apps/v1", "Deployment", BundledSchemas.newest()).isEmpty());
    }
}
