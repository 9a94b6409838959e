package com.authvital.jakarta.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.authvital.jakarta.cluster.Devices.SignedInBrowser;
import com.authvital.jakarta.cluster.TwoServers.Servers;
import com.authvital.jakarta.it.fixtures.RefreshFixtures;
import com.authvital.testing.Cluster.Server;
import com.authvital.testing.Deployments;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A device signed in on server A is listed on server B with the label of its browser: the IdP
 * does not record the browser of a session made at its token endpoint, the module on A does,
 * and B reads that record from the shared store.
 */
@ExtendWith({TwoServers.class, RefreshFixtures.NoTokenRateLimit.class})
class ClusterDevicesIT {

    private static final String EDGE_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";

    private final Server a;
    private final Server b;

    ClusterDevicesIT(Servers servers) {
        this.a = servers.a();
        this.b = servers.b();
    }

    @Test
    void aDeviceSignedInOnAIsListedWithItsLabelOnB() {
        Deployments.standIn().resetDemoUser();
        SignedInBrowser laptop = Devices.signIn(a, EDGE_ON_WINDOWS);

        // Listed from B by a client that says nothing of that browser: the label is the sign-in's.
        JsonObject listed = Devices.thisDevice(b, laptop);

        assertEquals("Edge 131 on Windows", listed.getString("device"), listed.toString());
        assertEquals(false, listed.getBoolean("mobile"));
    }
}
