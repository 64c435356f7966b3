import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a reproducible corpus of realistic manifests: per app a Deployment, a Service, a ConfigMap,
 * often a PVC and an Ingress, sometimes a custom resource; plus a few CRDs with large schemas.
 * Usage: java CorpusGenerator.java OUT_DIR DOCUMENTS [SEED]
 */
public final class CorpusGenerator {
    private static final String[] IMAGES = {"nginx:1.27.1", "redis:7.2.5", "ghcr.io/acme/api:2.14.0",
            "registry.example.com:5000/team/worker:1.0.3", "postgres:16.4", "quay.io/acme/frontend:3.1.0"};
    private static final String[] CPU = {"50m", "100m", "250m", "500m", "1", "2"};
    private static final String[] MEM = {"64Mi", "128Mi", "256Mi", "512Mi", "1Gi", "2Gi"};

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int target = Integer.parseInt(args[1]);
        Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 42L);
        Files.createDirectories(out);
        int docs = 0;
        int crds = Math.max(1, target / 2000);
        for (int c = 0; c < crds; c++) {
            try (Writer w = Files.newBufferedWriter(out.resolve("crd-" + c + ".yaml"), StandardCharsets.UTF_8)) {
                w.write(crd(c, 150 + random.nextInt(100)));
            }
            docs++;
        }
        int app = 0;
        while (docs < target) {
            Path dir = out.resolve("team-" + (app % 20)).resolve("app-" + app);
            Files.createDirectories(dir);
            String ns = "team-" + (app % 20);
            String name = "app-" + app;
            int replicas = 1 + random.nextInt(4);
            docs += write(dir.resolve("deployment.yaml"), deployment(ns, name, replicas, random));
            if (docs < target) {
                docs += write(dir.resolve("service.yaml"), service(ns, name, random));
            }
            if (docs < target) {
                docs += write(dir.resolve("configmap.yaml"), configMap(ns, name, random));
            }
            if (docs < target && random.nextInt(3) == 0) {
                docs += write(dir.resolve("pvc.yaml"), pvc(ns, name, random));
            }
            if (docs < target && random.nextInt(2) == 0) {
                docs += write(dir.resolve("ingress.yaml"), ingress(ns, name));
            }
            if (docs < target && random.nextInt(5) == 0) {
                docs += write(dir.resolve("widget.yaml"), customResource(ns, name, random.nextInt(crds), random));
            }
            app++;
        }
        System.out.println("wrote " + docs + " documents for " + app + " apps under " + out);
    }

    private static int write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return 1;
    }

    private static String pick(String[] a, Random r) {
        return a[r.nextInt(a.length)];
    }

    static String deployment(String ns, String name, int replicas, Random r) {
        int req = r.nextInt(CPU.length - 1);
        int mem = r.nextInt(MEM.length - 1);
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %1$s
                  namespace: %2$s
                  labels:
                    app.kubernetes.io/name: %1$s
                    app.kubernetes.io/part-of: shop
                  annotations:
                    deployment.kubernetes.io/revision: "%7$d"
                spec:
                  replicas: %3$d
                  revisionHistoryLimit: 5
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: %1$s
                  strategy:
                    type: RollingUpdate
                    rollingUpdate: {maxSurge: 25%%, maxUnavailable: 0}
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/name: %1$s
                        app.kubernetes.io/part-of: shop
                    spec:
                      serviceAccountName: %1$s
                      securityContext:
                        runAsNonRoot: true
                        runAsUser: 10001
                        seccompProfile: {type: RuntimeDefault}
                      initContainers:
                        - name: migrate
                          image: %4$s
                          command: ["/bin/migrate", "--wait"]
                          resources:
                            requests: {cpu: 50m, memory: 64Mi}
                            limits: {memory: 64Mi}
                      containers:
                        - name: app
                          image: %4$s
                          args: ["--port=8080", "--log-format=json"]
                          ports:
                            - {name: http, containerPort: 8080, protocol: TCP}
                            - {name: metrics, containerPort: 9090, protocol: TCP}
                          env:
                            - {name: LOG_LEVEL, value: info}
                            - name: DB_PASSWORD
                              valueFrom:
                                secretKeyRef: {name: %1$s-db, key: password}
                          envFrom:
                            - configMapRef: {name: %1$s-config}
                          readinessProbe:
                            httpGet: {path: /ready, port: http}
                            periodSeconds: 5
                          livenessProbe:
                            httpGet: {path: /healthz, port: http}
                            periodSeconds: 10
                          resources:
                            requests: {cpu: %5$s, memory: %6$s}
                            limits: {memory: %6$s}
                          securityContext:
                            allowPrivilegeEscalation: false
                            readOnlyRootFilesystem: true
                            capabilities: {drop: [ALL]}
                          volumeMounts:
                            - {name: tmp, mountPath: /tmp}
                      volumes:
                        - name: tmp
                          emptyDir: {}
                """.formatted(name, ns, replicas, pick(IMAGES, r), CPU[req], MEM[mem], 1 + r.nextInt(40));
    }

    static String service(String ns, String name, Random r) {
        return """
                apiVersion: v1
                kind: Service
                metadata:
                  name: %1$s
                  namespace: %2$s
                  labels: {app.kubernetes.io/name: %1$s}
                spec:
                  type: %3$s
                  selector:
                    app.kubernetes.io/name: %1$s
                  ports:
                    - {name: http, port: 80, targetPort: http, protocol: TCP}
                    - {name: metrics, port: 9090, targetPort: metrics, protocol: TCP}
                """.formatted(name, ns, r.nextInt(10) == 0 ? "LoadBalancer" : "ClusterIP");
    }

    static String configMap(String ns, String name, Random r) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < 5 + r.nextInt(10); i++) {
            data.append("  KEY_").append(i).append(": \"value-").append(r.nextInt(100000)).append("\"\n");
        }
        data.append("  app.properties: |\n    server.port=8080\n    feature.flags=a,b,c\n    cache.ttl=300\n");
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "-config\n  namespace: " + ns
                + "\ndata:\n" + data;
    }

    static String pvc(String ns, String name, Random r) {
        return """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: %1$s-data
                  namespace: %2$s
                spec:
                  accessModes: [ReadWriteOnce]
                  storageClassName: standard
                  resources:
                    requests:
                      storage: %3$dGi
                """.formatted(name, ns, 1 + r.nextInt(100));
    }

    static String ingress(String ns, String name) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: %1$s
                  namespace: %2$s
                  annotations:
                    nginx.ingress.kubernetes.io/proxy-body-size: 8m
                spec:
                  ingressClassName: nginx
                  tls:
                    - hosts: [%1$s.example.com]
                      secretName: %1$s-tls
                  rules:
                    - host: %1$s.example.com
                      http:
                        paths:
                          - path: /
                            pathType: Prefix
                            backend:
                              service:
                                name: %1$s
                                port: {name: http}
                """.formatted(name, ns);
    }

    static String customResource(String ns, String name, int crd, Random r) {
        return """
                apiVersion: example.com/v1
                kind: Widget%3$d
                metadata:
                  name: %1$s
                  namespace: %2$s
                spec:
                  field0: "v%4$d"
                  field1: %4$d
                  nested:
                    enabled: true
                    items: [{name: a, size: 1}, {name: b, size: 2}]
                """.formatted(name, ns, crd, r.nextInt(1000));
    }

    /** A CRD whose schema has many properties, as operator CRDs do. */
    static String crd(int n, int properties) {
        StringBuilder props = new StringBuilder();
        for (int i = 0; i < properties; i++) {
            String type = i % 3 == 0 ? "string" : i % 3 == 1 ? "integer" : "boolean";
            // siblings of "nested" under spec.properties: 16 spaces, their keys 18
            props.append("                field").append(i).append(":\n")
                    .append("                  type: ").append(type).append('\n')
                    .append("                  description: Field number ").append(i)
                    .append(" of the widget, documented at length as generated CRDs are.\n");
        }
        return """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: widget%1$ds.example.com
                spec:
                  group: example.com
                  scope: Namespaced
                  names: {kind: Widget%1$d, plural: widget%1$ds, singular: widget%1$d, listKind: Widget%1$dList}
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema:
                          type: object
                          properties:
                            spec:
                              type: object
                              properties:
                                nested:
                                  type: object
                                  properties:
                                    enabled: {type: boolean}
                                    items:
                                      type: array
                                      items:
                                        type: object
                                        required: [name]
                                        properties:
                                          name: {type: string}
                                          size: {type: integer}
                """.formatted(n) + props;
    }
}
