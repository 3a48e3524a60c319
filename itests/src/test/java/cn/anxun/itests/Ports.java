package cn.anxun.itests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free local ports, so that tests never collide with a platform already running on this machine. They are taken
 * below Linux's ephemeral range (32768 and up): a port from that range, free now, can be taken by the next outgoing
 * connection before the platform binds it.
 */
public final class Ports {

    private static final int LOWEST = 10000;
    private static final int HIGHEST = 32000;

    private Ports() {
    }

    public static int free() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + HIGHEST);
    }
}
