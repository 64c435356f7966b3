package dev.palisade.rules.upgrade;

import dev.palisade.rules.schema.BundledSchemas;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When built-in apiVersions were deprecated and removed. Two sources:
 * <ul>
 * <li>the table below, written from the Kubernetes deprecated API migration guide, for every removal
 * from 1.16 on (older than any bundled schema set, so it cannot be derived);</li>
 * <li>the bundled schema sets themselves, for changes within the bundled range: a kind served by an
 * older bundled version and not by the target was removed; a beta or alpha served next to a GA
 * version of the same kind is deprecated (the Kubernetes deprecation policy deprecates pre-release
 * versions once the GA version exists).</li>
 * </ul>
 */
public final class ApiLifecycle {
    /**
     * One removed apiVersion of a kind.
     *
     * @param replacement the apiVersion to use instead, or null when the API has no successor
     * @param note        what changes beyond the apiVersion line (empty when nothing)
     */
    public record Entry(String apiVersion, String kind, int deprecatedIn, int removedIn, String replacement, String note) {
    }

    private static final List<Entry> TABLE = List.of(
            // 1.16
            e("extensions/v1beta1", "NetworkPolicy", 9, 16, "networking.k8s.io/v1", ""),
            e("extensions/v1beta1", "PodSecurityPolicy", 10, 16, null,
                    "PodSecurityPolicy moved to policy/v1beta1, which was removed in 1.25 without successor: use Pod "
                    + "Security Admission (pod-security.kubernetes.io labels)"),
            e("extensions/v1beta1", "DaemonSet", 9, 16, "apps/v1", "spec.selector is required; updateStrategy defaults to RollingUpdate"),
            e("apps/v1beta2", "DaemonSet", 9, 16, "apps/v1", ""),
            e("extensions/v1beta1", "Deployment", 9, 16, "apps/v1", "spec.selector is required and immutable"),
            e("apps/v1beta1", "Deployment", 9, 16, "apps/v1", "spec.selector is required and immutable"),
            e("apps/v1beta2", "Deployment", 9, 16, "apps/v1", ""),
            e("apps/v1beta1", "StatefulSet", 9, 16, "apps/v1", "spec.selector is required; updateStrategy defaults to RollingUpdate"),
            e("apps/v1beta2", "StatefulSet", 9, 16, "apps/v1", ""),
            e("extensions/v1beta1", "ReplicaSet", 9, 16, "apps/v1", "spec.selector is required and immutable"),
            e("apps/v1beta1", "ReplicaSet", 9, 16, "apps/v1", ""),
            e("apps/v1beta2", "ReplicaSet", 9, 16, "apps/v1", ""),
            e("apps/v1beta1", "ControllerRevision", 9, 16, "apps/v1", ""),
            e("apps/v1beta2", "ControllerRevision", 9, 16, "apps/v1", ""),
            // 1.22
            e("admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration", 16, 22, "admissionregistration.k8s.io/v1",
                    "webhooks[*].admissionReviewVersions and sideEffects are required; failurePolicy defaults to Fail"),
            e("admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration", 16, 22, "admissionregistration.k8s.io/v1",
                    "webhooks[*].admissionReviewVersions and sideEffects are required; failurePolicy defaults to Fail"),
            e("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", 16, 22, "apiextensions.k8s.io/v1",
                    "spec.versions[*].schema.openAPIV3Schema is required and must be structural"),
            e("apiregistration.k8s.io/v1beta1", "APIService", 19, 22, "apiregistration.k8s.io/v1", ""),
            e("authentication.k8s.io/v1beta1", "TokenReview", 19, 22, "authentication.k8s.io/v1", ""),
            e("authorization.k8s.io/v1beta1", "SubjectAccessReview", 19, 22, "authorization.k8s.io/v1", "spec.group was renamed spec.groups"),
            e("authorization.k8s.io/v1beta1", "LocalSubjectAccessReview", 19, 22, "authorization.k8s.io/v1", "spec.group was renamed spec.groups"),
            e("authorization.k8s.io/v1beta1", "SelfSubjectAccessReview", 19, 22, "authorization.k8s.io/v1", ""),
            e("authorization.k8s.io/v1beta1", "SelfSubjectRulesReview", 19, 22, "authorization.k8s.io/v1", ""),
            e("certificates.k8s.io/v1beta1", "CertificateSigningRequest", 19, 22, "certificates.k8s.io/v1",
                    "spec.signerName is required"),
            e("coordination.k8s.io/v1beta1", "Lease", 19, 22, "coordination.k8s.io/v1", ""),
            e("extensions/v1beta1", "Ingress", 14, 22, "networking.k8s.io/v1",
                    "backend.serviceName/servicePort became backend.service.name/port; pathType is required"),
            e("networking.k8s.io/v1beta1", "Ingress", 19, 22, "networking.k8s.io/v1",
                    "backend.serviceName/servicePort became backend.service.name/port; pathType is required"),
            e("networking.k8s.io/v1beta1", "IngressClass", 19, 22, "networking.k8s.io/v1", ""),
            e("rbac.authorization.k8s.io/v1beta1", "ClusterRole", 17, 22, "rbac.authorization.k8s.io/v1", ""),
            e("rbac.authorization.k8s.io/v1beta1", "ClusterRoleBinding", 17, 22, "rbac.authorization.k8s.io/v1", ""),
            e("rbac.authorization.k8s.io/v1beta1", "Role", 17, 22, "rbac.authorization.k8s.io/v1", ""),
            e("rbac.authorization.k8s.io/v1beta1", "RoleBinding", 17, 22, "rbac.authorization.k8s.io/v1", ""),
            e("scheduling.k8s.io/v1beta1", "PriorityClass", 14, 22, "scheduling.k8s.io/v1", ""),
            e("storage.k8s.io/v1beta1", "CSIDriver", 19, 22, "storage.k8s.io/v1", ""),
            e("storage.k8s.io/v1beta1", "CSINode", 17, 22, "storage.k8s.io/v1", ""),
            e("storage.k8s.io/v1beta1", "StorageClass", 19, 22, "storage.k8s.io/v1", ""),
            e("storage.k8s.io/v1beta1", "VolumeAttachment", 19, 22, "storage.k8s.io/v1", ""),
            // 1.25
            e("batch/v1beta1", "CronJob", 21, 25, "batch/v1", ""),
            e("discovery.k8s.io/v1beta1", "EndpointSlice", 21, 25, "discovery.k8s.io/v1",
                    "topology[\"kubernetes.io/hostname\"] became nodeName; per-endpoint topology became zone"),
            e("events.k8s.io/v1beta1", "Event", 19, 25, "events.k8s.io/v1", "type is limited to Normal and Warning"),
            e("autoscaling/v2beta1", "HorizontalPodAutoscaler", 22, 25, "autoscaling/v2",
                    "targetAverageUtilization became target.averageUtilization with target.type: Utilization"),
            e("policy/v1beta1", "PodDisruptionBudget", 21, 25, "policy/v1",
                    "an empty spec.selector selects every pod of the namespace in policy/v1"),
            e("policy/v1beta1", "PodSecurityPolicy", 21, 25, null,
                    "PodSecurityPolicy has no successor: use Pod Security Admission (pod-security.kubernetes.io labels)"),
            e("node.k8s.io/v1beta1", "RuntimeClass", 20, 25, "node.k8s.io/v1", ""),
            // 1.26
            e("flowcontrol.apiserver.k8s.io/v1beta1", "FlowSchema", 23, 26, "flowcontrol.apiserver.k8s.io/v1", ""),
            e("flowcontrol.apiserver.k8s.io/v1beta1", "PriorityLevelConfiguration", 23, 26, "flowcontrol.apiserver.k8s.io/v1", ""),
            e("autoscaling/v2beta2", "HorizontalPodAutoscaler", 23, 26, "autoscaling/v2", ""),
            // 1.27
            e("storage.k8s.io/v1beta1", "CSIStorageCapacity", 24, 27, "storage.k8s.io/v1", ""),
            // 1.29
            e("flowcontrol.apiserver.k8s.io/v1beta2", "FlowSchema", 26, 29, "flowcontrol.apiserver.k8s.io/v1", ""),
            e("flowcontrol.apiserver.k8s.io/v1beta2", "PriorityLevelConfiguration", 26, 29, "flowcontrol.apiserver.k8s.io/v1",
                    "spec.limited.assuredConcurrencyShares was renamed spec.limited.nominalConcurrencyShares"),
            // 1.31: classic dynamic resource allocation was replaced by structured parameters
            e("resource.k8s.io/v1alpha2", "ResourceClass", 26, 31, null,
                    "ResourceClass has no successor: a DeviceClass (resource.k8s.io) selects devices instead"),
            e("resource.k8s.io/v1alpha2", "ResourceClaim", 26, 31, "resource.k8s.io/v1",
                    "claims request devices from a DeviceClass (spec.devices.requests)"),
            e("resource.k8s.io/v1alpha2", "ResourceClaimTemplate", 26, 31, "resource.k8s.io/v1",
                    "claims request devices from a DeviceClass (spec.spec.devices.requests)"),
            // 1.32
            e("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", 29, 32, "flowcontrol.apiserver.k8s.io/v1", ""),
            e("flowcontrol.apiserver.k8s.io/v1beta3", "PriorityLevelConfiguration", 29, 32, "flowcontrol.apiserver.k8s.io/v1",
                    "an explicit spec.limited.nominalConcurrencyShares of 0 is no longer changed to 30"));

    /** What is known about one apiVersion/kind in the target version. */
    public sealed interface Status {
    }

    /** No longer served in the target version. */
    public record Removed(int removedIn, String replacement, String note) implements Status {
    }

    /** Still served but deprecated; {@code removedIn} is 0 when the removal release is not yet known. */
    public record Deprecated(int deprecatedIn, int removedIn, String replacement, String note) implements Status {
    }

    private ApiLifecycle() {
    }

    private static Entry e(String apiVersion, String kind, int deprecatedIn, int removedIn, String replacement, String note) {
        return new Entry(apiVersion, kind, deprecatedIn, removedIn, replacement, note);
    }

    public static List<Entry> table() {
        return TABLE;
    }

    private record Key(String apiVersion, String kind, String target) {
        @Override
        public boolean equals(Object o) {
            // Written out (same values as the record's own): a record's generated equals and hashCode are
            // bootstrapped through invokedynamic on first use, which the JDK's AOT cache does not keep, and
            // that bootstrap was a noticeable part of a one-file lint's start.
            return o instanceof Key k && Objects.equals(apiVersion, k.apiVersion) && Objects.equals(kind, k.kind)
                    && Objects.equals(target, k.target);
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(apiVersion);
            h = 31 * h + Objects.hashCode(kind);
            return 31 * h + Objects.hashCode(target);
        }
    }

    /**
     * Answers by apiVersion, kind and target: three rules ask for every object, a lint set has few
     * distinct kinds, and an answer costs a table scan and several regex matches. Bounded for
     * hostile input with many made-up kinds.
     */
    private static final int CACHE_LIMIT = 1024;
    private static final Map<Key, Optional<Status>> CACHE = new ConcurrentHashMap<>();

    /** The lifecycle status of {@code apiVersion}/{@code kind} in Kubernetes {@code target} ("1.NN"). */
    public static Optional<Status> status(String apiVersion, String kind, String target) {
        Key key = new Key(apiVersion, kind, target);
        Optional<Status> cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<Status> found = lookUp(apiVersion, kind, target);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(key, found);
        }
        return found;
    }

    private static Optional<Status> lookUp(String apiVersion, String kind, String target) {
        int minor = BundledSchemas.minor(target);
        for (Entry e : TABLE) {
            if (e.apiVersion().equals(apiVersion) && e.kind().equals(kind)) {
                if (minor >= e.removedIn()) {
                    return Optional.of(new Removed(e.removedIn(), servedReplacement(e, target), e.note()));
                }
                if (minor >= e.deprecatedIn()) {
                    return Optional.of(new Deprecated(e.deprecatedIn(), e.removedIn(), e.replacement(), e.note()));
                }
                return Optional.empty();
            }
        }
        return fromBundledSchemas(apiVersion, kind, target, minor);
    }

    /** The table's replacement, or the most stable version the target serves when it predates it (v1beta1 before v1). */
    private static String servedReplacement(Entry e, String target) {
        if (e.replacement() == null || !BundledSchemas.bundles(target)
                || BundledSchemas.serves(target, e.replacement(), e.kind())) {
            return e.replacement();
        }
        String served = preferred(target, e.apiVersion(), e.kind());
        return served != null ? served : e.replacement();
    }

    private static Optional<Status> fromBundledSchemas(String apiVersion, String kind, String target, int minor) {
        if (!BundledSchemas.bundles(target)) {
            return Optional.empty();
        }
        if (!BundledSchemas.serves(target, apiVersion, kind)) {
            // Removed within the bundled range: served by an older bundled version, gone by the target.
            int lastServed = -1;
            for (BundledSchemas.Version v : BundledSchemas.versions()) {
                int m = BundledSchemas.minor(v.kubernetesVersion());
                if (m < minor && BundledSchemas.serves(v.kubernetesVersion(), apiVersion, kind)) {
                    lastServed = m;
                }
            }
            if (lastServed < 0) {
                return Optional.empty();
            }
            return Optional.of(new Removed(lastServed + 1, preferred(target, apiVersion, kind), ""));
        }
        if (isPreRelease(apiVersion)) {
            String ga = preferred(target, apiVersion, kind);
            if (ga != null && !isPreRelease(ga)) {
                return Optional.of(new Deprecated(0, 0, ga, ""));
            }
        }
        return Optional.empty();
    }

    /** The most stable apiVersion of the same group serving {@code kind} in {@code target}, other than {@code apiVersion}. */
    private static String preferred(String target, String apiVersion, String kind) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return BundledSchemas.apiVersionsOf(target, kind).stream()
                .filter(v -> !v.equals(apiVersion))
                .filter(v -> (v.contains("/") ? v.substring(0, v.indexOf('/')) : "").equals(group))
                .min(Comparator.comparingInt(ApiLifecycle::stability).thenComparing(Comparator.reverseOrder()))
                .orElse(null);
    }

    private static boolean isPreRelease(String apiVersion) {
        return apiVersion.matches(".*/v\\d+(alpha|beta)\\d+$");
    }

    /** 0 for GA, 1 for beta, 2 for alpha: lower is preferred. */
    private static int stability(String apiVersion) {
        return apiVersion.matches(".*v\\d+alpha\\d+$") ? 2 : apiVersion.matches(".*v\\d+beta\\d+$") ? 1 : 0;
    }
}
