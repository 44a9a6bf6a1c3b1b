package org.no3rr.station.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live stream's hub: runners publish {@link LiveEvent}s here (through
 * {@link LiveStreamDecorator}), and each connected client has its own bounded
 * {@link ClientFeed}. Publishing costs one append per client and never waits for a client; a
 * client that cannot keep up loses its oldest events, counted in {@link #droppedEvents()}.
 */
@ApplicationScoped
public class LiveEvents {

    private static final Logger LOG = Logger.getLogger(LiveEvents.class);

    /** Per client: at 10 samples/s on four channels, 25 s of data. */
    static final int CLIENT_QUEUE_EVENTS = 1000;

    private final List<ClientFeed> clients = new CopyOnWriteArrayList<>();
    private final AtomicLong droppedOfGoneClients = new AtomicLong();

    public void publish(LiveEvent event) {
        for (ClientFeed client : clients) {
            client.offer(event);
        }
    }

    /** Events of one channel, or of all when {@code channel} is null, from now on, as fast as the client takes them. */
    Multi<ClientFeed.Numbered> subscribe(String channel) {
        return Multi.createFrom().<ClientFeed.Numbered>emitter(emitter -> {
            ClientFeed feed = new ClientFeed(channel, CLIENT_QUEUE_EVENTS, Infrastructure.getDefaultWorkerPool(),
                    emitter);
            clients.add(feed);
            emitter.onRequest(n -> feed.scheduleDrain());
            emitter.onTermination(() -> {
                clients.remove(feed);
                long dropped = feed.dropped();
                droppedOfGoneClients.addAndGet(dropped);
                if (dropped > 0) {
                    LOG.infof("A live-stream client left after %d of its events were dropped (it read too slowly)",
                            dropped);
                }
            });
        }, BackPressureStrategy.BUFFER);
    }

    public int clientCount() {
        return clients.size();
    }

    /** Events dropped for slow clients since the station started, connected or gone. */
    public long droppedEvents() {
        return droppedOfGoneClients.get() + clients.stream().mapToLong(ClientFeed::dropped).sum();
    }
}
