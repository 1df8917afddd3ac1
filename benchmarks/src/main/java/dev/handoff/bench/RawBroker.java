package dev.handoff.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Persistent messages to and from {@code handoff.bench}, a queue nothing in the server consumes: what the broker
 * under Handoff does on its own.
 *
 * <p>Sends wait for the broker's acknowledgement, which for a persistent message comes once it is in the journal.
 * Throughput sends are asynchronous with a bounded number in flight; the confirmation window is what makes the
 * Artemis client call the completion listener on the broker's acknowledgement rather than at once.
 */
final class RawBroker {

    static final String QUEUE = "handoff.bench";
    /** The Artemis address of the JMS queue, as WildFly's messaging subsystem names it. */
    private static final String CORE_QUEUE = "jms.queue." + QUEUE;
    private static final int CONFIRMATION_WINDOW_BYTES = 1024 * 1024;
    private static final long RECEIVE_POLL_MILLIS = 100;

    private final ServerSettings server;
    private final RawSettings settings;
    private final ActiveMQConnectionFactory factory;
    private final Duration limit;
    private final byte[] body;

    RawBroker(ServerSettings server, RawSettings settings, Duration limit) {
        this.server = server;
        this.settings = settings;
        this.limit = limit;
        this.body = new byte[settings.bodyBytes()];
        this.factory = new ActiveMQConnectionFactory(
                server.brokerUrl() + "&confirmationWindowSize=" + CONFIRMATION_WINDOW_BYTES,
                server.jmsUser(), server.jmsPassword());
    }

    /** Sends with every producer at once; the latency is each message's send-to-acknowledgement time. */
    Measured send(int messages) throws InterruptedException {
        Histogram acks = new ConcurrentHistogram(Latency.newHistogram());
        Finish finish = new Finish();
        int producers = settings.producers();
        StartLine startLine = new StartLine(producers);
        Parallel running = Parallel.start(producers,
                i -> produce(Parallel.share(messages, producers, i), new Acknowledgements(acks, finish), startLine));
        long start = startLine.open(limit);
        running.await(limit);
        return new Measured(Throughput.between(messages, start, finish.nanos()), Latency.of(acks));
    }

    /** Consumes what the queue holds, with every consumer at once. */
    Throughput consume(int messages) throws InterruptedException {
        int consumers = settings.consumers();
        Consumption consumption = new Consumption(messages);
        StartLine startLine = new StartLine(consumers);
        Parallel running = Parallel.start(consumers, i -> consume(consumption, startLine));
        long start = startLine.open(limit);
        running.await(limit);
        return Throughput.between(messages, start, consumption.finish.nanos());
    }

    /** Producers and consumers together: from the first send until the last message is consumed. */
    Throughput sendAndConsume(int messages) throws InterruptedException {
        int producers = settings.producers();
        int workers = producers + settings.consumers();
        Acknowledgements acks = new Acknowledgements(new ConcurrentHistogram(Latency.newHistogram()), new Finish());
        Consumption consumption = new Consumption(messages);
        StartLine startLine = new StartLine(workers);
        Parallel running = Parallel.start(workers, i -> {
            if (i < producers) {
                produce(Parallel.share(messages, producers, i), acks, startLine);
            } else {
                consume(consumption, startLine);
            }
        });
        long start = startLine.open(limit);
        running.await(limit);
        return Throughput.between(messages, start, consumption.finish.nanos());
    }

    /** One send at a time per thread, each blocking until the broker acknowledges it. */
    Measured sendBlocking(int messages, int threads) throws InterruptedException {
        Acknowledgements sends = new Acknowledgements(new ConcurrentHistogram(Latency.newHistogram()), new Finish());
        StartLine startLine = new StartLine(threads);
        Parallel running = Parallel.start(threads,
                i -> produceBlocking(Parallel.share(messages, threads, i), sends, startLine));
        long start = startLine.open(limit);
        running.await(limit);
        return new Measured(Throughput.between(messages, start, sends.finish().nanos()), Latency.of(sends.latency()));
    }

    /** How many messages the broker holds in the queue; -1 when it has no such queue. */
    long depth() throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator(server.brokerUrl());
                ClientSessionFactory sessions = locator.createSessionFactory();
                ClientSession session = sessions.createSession(server.jmsUser(), server.jmsPassword(),
                        false, true, true, false, 0)) {
            ClientSession.QueueQuery query = session.queueQuery(SimpleString.of(CORE_QUEUE));
            return query.isExists() ? query.getMessageCount() : -1;
        }
    }

    private void produce(int messages, Acknowledgements acks, StartLine startLine) throws Exception {
        int window = settings.inFlightPerProducer();
        Semaphore inFlight = new Semaphore(window);
        AtomicInteger failures = new AtomicInteger();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = persistentProducer(session);
            startLine.arrive(limit);
            for (int i = 0; i < messages; i++) {
                acquire(inFlight, 1);
                producer.send(message(session), new Acknowledgement(System.nanoTime(), acks, inFlight, failures));
            }
            acquire(inFlight, window);
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " sends were refused by the broker");
        }
    }

    private void produceBlocking(int messages, Acknowledgements sends, StartLine startLine) throws Exception {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = persistentProducer(session);
            startLine.arrive(limit);
            for (int i = 0; i < messages; i++) {
                BytesMessage message = message(session);
                long start = System.nanoTime();
                producer.send(message);
                sends.acknowledged(start);
            }
        }
    }

    private void consume(Consumption consumption, StartLine startLine) throws Exception {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            connection.start();
            startLine.arrive(limit);
            long deadline = System.nanoTime() + limit.toNanos();
            while (!consumption.done() && System.nanoTime() < deadline) {
                if (consumer.receive(RECEIVE_POLL_MILLIS) != null) {
                    consumption.received();
                }
            }
        }
        if (!consumption.done()) {
            throw new IllegalStateException(consumption.remaining.get() + " messages not consumed in time");
        }
    }

    private static MessageProducer persistentProducer(Session session) throws JMSException {
        MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        return producer;
    }

    private BytesMessage message(Session session) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(body);
        return message;
    }

    private void acquire(Semaphore permits, int count) throws InterruptedException {
        if (!permits.tryAcquire(count, limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("No acknowledgement from the broker within " + limit.toSeconds() + " s");
        }
    }

    /** A throughput with the latency measured along the way. */
    record Measured(Throughput throughput, Latency latency) {
    }

    /** The send-to-acknowledgement times of many sends, and when the last acknowledgement came. */
    private record Acknowledgements(Histogram latency, Finish finish) {

        void acknowledged(long sentNanos) {
            finish.mark();
            Latency.record(latency, System.nanoTime() - sentNanos);
        }
    }

    /** Counts messages down to zero across consumers and notes when the last one arrived. */
    private static final class Consumption {
        final AtomicInteger remaining;
        final Finish finish = new Finish();

        Consumption(int messages) {
            remaining = new AtomicInteger(messages);
        }

        void received() {
            if (remaining.decrementAndGet() == 0) {
                finish.mark();
            }
        }

        boolean done() {
            return remaining.get() <= 0;
        }
    }

    /** Called by the client once the broker has acknowledged (or refused) one asynchronous send. */
    private record Acknowledgement(long sentNanos, Acknowledgements acks, Semaphore inFlight, AtomicInteger failures)
            implements CompletionListener {

        @Override
        public void onCompletion(Message message) {
            acks.acknowledged(sentNanos);
            inFlight.release();
        }

        @Override
        public void onException(Message message, Exception exception) {
            failures.incrementAndGet();
            inFlight.release();
        }
    }
}
