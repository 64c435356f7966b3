package dev.palisade.rules.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The guesses behind service-type-invalid and the name checks of service-externalname-invalid. */
class ServiceAdviceTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ClusterIp|ClusterIP", "clusterip|ClusterIP", "Cluster-IP|ClusterIP", "NodePort |NodePort",
        "nodeport|NodePort", "NodePorts|NodePort", "Load_Balancer|LoadBalancer", "LoadBalancr|LoadBalancer",
        "externalname|ExternalName", "External Name|ExternalName"})
    void nearMissesGetTheTypeTheyMeant(String written, String meant) {
        assertEquals("did you mean " + meant + "? (types are case-sensitive)", ServiceTypeInvalid.advice(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ingress", "Internal", "LB", "Public", "5"})
    void unrelatedWordsGetTheList(String written) {
        assertTrue(ServiceTypeInvalid.advice(written).startsWith("use ClusterIP, NodePort"), written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"db.example.com", "db.example.com.", "localhost", "a-b.c-d.e",
        "my-service.other-namespace.svc.cluster.local"})
    void hostNamesAreFine(String name) {
        assertNull(ServiceExternalNameInvalid.problem(name), name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://db.example.com:5432/x|is a URL; write only the host name (e.g. db.example.com)",
        "db.example.com:5432|contains a port",
        "192.168.1.20|is an IP address",
        "192.168.1.20.|is an IP address",
        "fd00::12|is an IP address",
        "DB.example.com|must be lower case: db.example.com",
        "db_primary.example.com|is not a valid DNS name",
        "-db.example.com|is not a valid DNS name",
        "db..example.com|is not a valid DNS name"})
    void badNamesSayWhatIsWrong(String name, String problem) {
        String found = ServiceExternalNameInvalid.problem(name);
        assertTrue(found != null && found.startsWith(problem), name + ": " + found);
    }

    @org.junit.jupiter.api.Test
    void aNameLongerThan253CharactersIsRefused() {
        String label = "a".repeat(63);
        String name = String.join(".", label, label, label, label); // 255 characters
        assertTrue(ServiceExternalNameInvalid.problem(name).startsWith("is not a valid DNS name"));
        assertNull(ServiceExternalNameInvalid.problem(name.substring(2)));
    }
}
