package dev.ttrtc.bridge.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.MiniProgram;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each page's mirror of the shown mini-program's rendered page: one view listener per page
 * socket, which starts with the whole page and then forwards every batch of patch ops as a
 * {@code viewOps} message. A page that lost ops (its queue overflowed) gets a new listener, so
 * it starts again from the whole page. Simulator thread only.
 */
final class PageMirrors {
    private static final Logger LOG = LoggerFactory.getLogger(PageMirrors.class);

    private final Map<PageClient, AutoCloseable> listeners = new HashMap<>();
    private MiniProgram program;

    /** Mirrors {@code shown} (null: none) on every page from now on. */
    void show(MiniProgram shown, Iterable<PageClient> clients) {
        listeners.keySet().forEach(this::stop);
        listeners.clear();
        program = shown;
        clients.forEach(this::add);
    }

    void add(PageClient client) {
        stop(client);
        if (program == null || program.isClosed()) {
            listeners.remove(client);
            return;
        }
        String instanceId = program.id();
        try {
            listeners.put(client, program.view().mirror(ops -> {
                ObjectNode message = Simulator.message("viewOps").put("instanceId", instanceId);
                ArrayNode list = message.putArray("ops");
                ops.forEach(list::add);
                client.sendView(message.toString());
            }));
        } catch (RuntimeException e) {
            LOG.debug("the shown instance has no view to mirror", e);
        }
    }

    void remove(PageClient client) {
        stop(client);
        listeners.remove(client);
    }

    /** Pages whose queue dropped view ops start again from the whole page. */
    void resyncLost(Iterable<PageClient> clients) {
        for (PageClient client : clients) {
            if (client.takeViewLost()) {
                add(client);
            }
        }
    }

    private void stop(PageClient client) {
        AutoCloseable listener = listeners.get(client);
        if (listener != null) {
            try {
                listener.close();
            } catch (Exception e) {
                LOG.debug("removing a view listener failed", e);
            }
        }
    }
}
