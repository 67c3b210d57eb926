package dev.specgate.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's intake: a delivery is appended to a journal file and acknowledged, and one
 * thread stores what the journal took in, in batches, in the job store.
 *
 * <p>Why not store before the {@code 202}, as on PostgreSQL: the embedded H2 database commits in
 * this process, and under load its commits competed for the CPU with the workers — the answer
 * waited for them (100 concurrent deliveries on 2 cores: own handling p50 18–27 ms, p99 49–86 ms;
 * with the journal and AnswersFirst p50 0.1 ms, p99 13–34 ms; {@code docs/service.md}, "Answer time"). An append
 * is one write; the journal's format and reading back are {@link InboxJournal}'s.
 *
 * <p>Durability is the H2 file's: the line is written to the file before the {@code 202} goes out,
 * so a crash of the process ({@code kill -9}) loses nothing; like H2, which does not fsync a commit
 * either, an OS crash or power loss can lose the last writes. On open, whatever a stopped process
 * left in the journal is stored first — the store ignores delivery ids it has, so what was stored
 * already is not stored twice — then the journal starts empty. A line that cannot be read is
 * never dropped silently: its file is kept aside as {@code *.unreadable} and the line named in the
 * log; only a torn last line (the process died inside the write, before any acknowledgement) is
 * left out, with a warning.
 */
final class DeliveryInbox implements Intake, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryInbox.class);
  /** A journal file is left for a new one past this size (it is deleted once all it holds is stored). */
  private static final long ROLL_BYTES = 4L * 1024 * 1024;
  /** A journal file whose deliveries are all stored is emptied past this size. */
  private static final long EMPTY_BYTES = 64 * 1024;
  private static final int MAX_BATCH = 256;
  /** Delivery ids kept in memory for the duplicate check (about 6 MB). */
  static final int RECENT = 65_536;

  /** A journal file and how many of the deliveries written to it are not stored yet. */
  private record JournalFile(long number, AtomicInteger unstored) {}

  private record Pending(JobStore.Delivery delivery, JournalFile file) {}

  private final Path dir;
  private final JobStore store;
  private final ServiceMetrics metrics;
  private final AnswersFirst answers;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread storer;
  /** The ids last taken in (see {@link #receive}). */
  private final RecentIds recent = new RecentIds(RECENT);
  /** Deliveries written to the journal and not yet stored. */
  private final AtomicInteger unstored = new AtomicInteger();
  /** Files written before the current one that still hold unstored deliveries (the storer deletes them). */
  private final Map<Long, JournalFile> older = new ConcurrentHashMap<>();
  /**
   * Answering threads write under the read side, each at a position of its own ({@link #end}), so
   * none waits for another (a thread preempted inside its write held the others up when the
   * writes were serialised); emptying, rolling and closing take the write side. The storer takes
   * neither.
   */
  private final ReentrantReadWriteLock files = new ReentrantReadWriteLock();
  /** Where the next line of the current file goes. */
  private final AtomicLong end = new AtomicLong();
  private volatile FileChannel out;
  private volatile JournalFile current;
  /** Set under the write side; no delivery is taken after it. */
  private volatile boolean closing;

  private DeliveryInbox(Path dir, JobStore store, ServiceMetrics metrics, AnswersFirst answers, FileChannel lockChannel,
      FileLock lock, long file) throws IOException {
    this.dir = dir;
    this.answers = answers;
    this.store = store;
    this.metrics = metrics;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.current = new JournalFile(file, new AtomicInteger());
    this.out = openJournal(file);
    metrics.inboxPending(this::pending);
    this.storer = new Thread(this::storeLoop, "specgate-inbox");
    storer.setDaemon(true);
    storer.start();
  }

  /**
   * Opens the inbox in {@code dir}: stores what a stopped process left in its journal, then takes
   * deliveries. Fails when another process holds the folder, or the left deliveries cannot be
   * stored (nothing is deleted then).
   */
  static DeliveryInbox open(Path dir, JobStore store, ServiceMetrics metrics, AnswersFirst answers) throws IOException, SQLException {
    Files.createDirectories(dir);
    FileChannel lockChannel = FileChannel.open(dir.resolve("inbox.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      lockChannel.close();
      throw new IOException("the delivery inbox " + dir + " is in use by another specgate process"
          + " (each service needs its own SPECGATE_DATA_DIR)");
    }
    try {
      List<JobStore.Delivery> recovered = new ArrayList<>();
      long next = recover(dir, store, recovered);
      DeliveryInbox inbox = new DeliveryInbox(dir, store, metrics, answers, lockChannel, lock, next);
      for (JobStore.Delivery d : recovered) inbox.recent.add(d.id());
      return inbox;
    } catch (IOException | SQLException | RuntimeException e) {
      lock.release();
      lockChannel.close();
      throw e;
    }
  }

  /**
   * Takes a delivery in with one write to the journal and no database work. A repeat of one of the
   * last {@value #RECENT} delivery ids this process took in is a duplicate; an older repeat is
   * written and the store, which knows every id, drops it — no work is done twice either way.
   */
  @Override
  public JobStore.Accepted receive(String deliveryId, String event, List<WorkItem> work) throws IOException {
    if (!recent.add(deliveryId)) return JobStore.Accepted.DUPLICATE;
    JobStore.Delivery entry = new JobStore.Delivery(deliveryId, event, work);
    try {
      byte[] line = InboxJournal.line(entry);
      if (needsRoom()) makeRoom();
      files.readLock().lock();
      try {
        if (closing) throw new IOException("the service is stopping");
        JournalFile file = current;
        write(out, line, end.getAndAdd(line.length));
        file.unstored().incrementAndGet();
        unstored.incrementAndGet();
        queue.add(new Pending(entry, file));
      } finally {
        files.readLock().unlock();
      }
    } catch (IOException | RuntimeException e) {
      recent.remove(deliveryId);
      throw e;
    }
    return JobStore.Accepted.QUEUED;
  }

  @Override
  public boolean knows(String deliveryId) throws SQLException {
    return recent.contains(deliveryId) || store.knows(deliveryId);
  }

  /** Deliveries written to the journal and not yet stored. */
  int pending() {
    return unstored.get();
  }

  /**
   * Writes the whole line at {@code position}. A failed write (a full disk) leaves a fragment that
   * the reader tells apart from the lines around it; its delivery was not acknowledged.
   */
  private static void write(FileChannel channel, byte[] line, long position) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(line);
    while (buf.hasRemaining()) channel.write(buf, position + buf.position());
  }

  private boolean needsRoom() {
    long size = end.get();
    return size >= ROLL_BYTES || (size >= EMPTY_BYTES && current.unstored().get() == 0);
  }

  /**
   * Keeps the journal short: once everything in the current file is stored, it is emptied (past
   * {@value #EMPTY_BYTES} bytes, so not on every write); while deliveries wait to be stored, a
   * file past {@value #ROLL_BYTES} bytes is left for a new one, deleted when all it holds is stored.
   */
  private void makeRoom() throws IOException {
    files.writeLock().lock();
    try {
      if (closing) return;
      long size = end.get();
      if (size >= EMPTY_BYTES && current.unstored().get() == 0) {
        out.truncate(0);
        end.set(0);
      } else if (size >= ROLL_BYTES) {
        FileChannel next = openJournal(current.number() + 1);
        out.close();
        older.put(current.number(), current);
        out = next;
        current = new JournalFile(current.number() + 1, new AtomicInteger());
        end.set(0);
      }
    } finally {
      files.writeLock().unlock();
    }
  }

  private FileChannel openJournal(long n) throws IOException {
    // positional writes (see #files): no APPEND, under which Linux would ignore the position
    return FileChannel.open(InboxJournal.path(dir, n), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }

  private void storeLoop() {
    while (true) {
      Pending first;
      try {
        first = queue.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return; // close() interrupts only after giving up on the store; the journal keeps the rest
      }
      if (first == null) {
        if (closing) return;
        continue;
      }
      // a burst of deliveries is answered first, then stored in one go
      answers.yieldToAnswers();
      List<Pending> batch = new ArrayList<>();
      batch.add(first);
      queue.drainTo(batch, MAX_BATCH - 1);
      if (!storeWithRetry(batch)) return;
      stored(batch);
    }
  }

  /** Stores a batch, trying again while the store fails; false when the inbox closes meanwhile. */
  private boolean storeWithRetry(List<Pending> batch) {
    List<JobStore.Delivery> deliveries = new ArrayList<>();
    for (Pending p : batch) deliveries.add(p.delivery());
    long backoff = 100;
    for (int attempt = 1; ; attempt++) {
      try {
        List<JobStore.Accepted> results = store.acceptAll(deliveries);
        for (int i = 0; i < results.size(); i++) {
          metrics.inboxStored(results.get(i).name().toLowerCase(java.util.Locale.ROOT));
        }
        return true;
      } catch (SQLException | RuntimeException e) {
        if (attempt == 1 || attempt % 50 == 0) {
          LOG.error("inbox: cannot store {} delivery(ies) (attempt {}); they stay in the journal and are tried again: {}",
              batch.size(), attempt, Secrets.redact(String.valueOf(e.getMessage())));
        }
        if (closing && attempt >= 3) return false;
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException ie) {
          return false;
        }
        backoff = Math.min(backoff * 2, 5_000);
      }
    }
  }

  /** Forgets stored deliveries, and deletes older journal files once all they hold is stored. */
  private void stored(List<Pending> batch) {
    for (Pending p : batch) p.file().unstored().decrementAndGet();
    unstored.addAndGet(-batch.size());
    for (JournalFile f : older.values()) {
      if (f.unstored().get() > 0) continue;
      older.remove(f.number());
      try {
        Files.deleteIfExists(InboxJournal.path(dir, f.number()));
      } catch (IOException e) {
        // harmless: what it holds is stored, and storing it again at the next start finds duplicates
        LOG.warn("inbox: cannot delete journal file {}: {}", InboxJournal.path(dir, f.number()).getFileName(), e.getMessage());
      }
    }
  }

  /**
   * Stores everything left in the journal by a stopped process (adding it to {@code left}) and
   * deletes what was read; returns the number for the next journal file.
   */
  private static long recover(Path dir, JobStore store, List<JobStore.Delivery> left) throws IOException, SQLException {
    TreeMap<Long, Path> files = InboxJournal.files(dir);
    List<Path> unreadable = new ArrayList<>();
    for (Path f : files.values()) {
      if (!InboxJournal.read(f, left)) unreadable.add(f);
    }
    int queued = 0;
    for (int from = 0; from < left.size(); from += MAX_BATCH) {
      for (JobStore.Accepted a : store.acceptAll(left.subList(from, Math.min(left.size(), from + MAX_BATCH)))) {
        if (a != JobStore.Accepted.DUPLICATE) queued++;
      }
    }
    if (!left.isEmpty()) {
      LOG.info("inbox: {} delivery(ies) acknowledged by a stopped process read back from the journal, {} of them not stored before",
          left.size(), queued);
    }
    for (Path p : files.values()) {
      if (unreadable.contains(p)) {
        Files.move(p, p.resolveSibling(p.getFileName() + ".unreadable"), StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.delete(p);
      }
    }
    return files.isEmpty() ? 0 : files.lastKey() + 1;
  }

  /**
   * Stops taking deliveries and stores what the journal holds; when the store keeps failing, what
   * is left stays in the journal for the next start.
   */
  @Override
  public void close() {
    files.writeLock().lock();
    try {
      if (closing) return;
      closing = true;
    } finally {
      files.writeLock().unlock();
    }
    try {
      storer.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    storer.interrupt();
    try {
      out.close();
      // everything stored: nothing for the next start to read
      if (unstored.get() == 0 && older.isEmpty()) Files.deleteIfExists(InboxJournal.path(dir, current.number()));
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      LOG.warn("inbox: closing the journal: {}", e.getMessage());
    }
  }
}
