package cn.anxun.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.classes.Classes;
import cn.anxun.classes.TrainingClass;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Learners;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Scope;
import cn.anxun.identity.ServiceUnavailableException;
import cn.anxun.ledger.ConsistencyProof;
import cn.anxun.ledger.InclusionProof;
import cn.anxun.ledger.Ledger;
import cn.anxun.ledger.LedgerEntry;
import cn.anxun.ledger.LedgerRecord;
import cn.anxun.ledger.Progress;
import cn.anxun.ledger.ProvenProgress;
import cn.anxun.ledger.SelfCheck;
import cn.anxun.ledger.SignedCheckpoint;
import cn.anxun.ledger.proof.StudyHours;
import cn.anxun.ledger.proof.Checkpoint;
import cn.anxun.ledger.proof.SignedNote;
import cn.anxun.ledger.proof.Entry;
import cn.anxun.ledger.proof.TreeHash;
import cn.anxun.ledger.proof.VerifierKey;
import cn.anxun.platform.jobs.Scheduler;
import cn.anxun.platform.node.Node;

/**
 * The ledger in {@code LEDGER_ENTRY}, its tree's complete subtrees in {@code LEDGER_NODE}, its checkpoints in
 * {@code LEDGER_CHECKPOINT}. An entry is written with one insert; a checkpoint, every {@code checkpointMinutes} and on
 * demand, locks the head, gives the new entries their leaves, stores the subtrees they complete and signs the root.
 */
@Component(service = Ledger.class, configurationPid = LedgerConfig.PID)
@Designate(ocd = LedgerConfig.class)
public class LedgerImpl implements Ledger {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerImpl.class);
    private static final int BATCH = 10_000;
    private static final HexFormat HEX = HexFormat.of();

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Classes classes;
    private final Learners learners;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final SigningKey key;
    private final VerifierKey verifierKey;
    private final String origin;
    private final List<AutoCloseable> jobs = new ArrayList<>();
    private volatile SelfCheck lastSelfCheck;

    @Activate
    public LedgerImpl(@Reference(target = "(osgi.unit.name=anxun-ledger)") JpaTemplate jpa,
            @Reference Clock clock, @Reference Classes classes,
            @Reference Learners learners, @Reference AuditLog audit, @Reference AccessPolicy policy,
            @Reference Scheduler scheduler, @Reference Node node, LedgerConfig config) {
        this.jpa = jpa;
        this.policy = policy;
        this.clock = clock;
        this.classes = classes;
        this.learners = learners;
        this.audit = audit;
        this.origin = config.origin();
        this.key = new SigningKey(node.keys(), node::mayMake);
        this.verifierKey = key.verifierKey(origin);
        jobs.add(scheduler.every("ledger checkpoint", Duration.ofMinutes(1),
                Duration.ofMinutes(config.checkpointMinutes()), Duration.ofMinutes(5), this::checkpoint));
        // each node checks the tree with its own copy of the key, and its readiness says what it found
        jobs.add(scheduler.everyOnThisNode("ledger self-check", Duration.ofMinutes(2),
                Duration.ofMinutes(config.selfCheckMinutes()), Duration.ofMinutes(30), this::selfCheck));
    }

    @Deactivate
    void deactivate() throws Exception {
        for (AutoCloseable job : jobs) {
            job.close();
        }
    }

    @Override
    public LedgerRecord record(Caller caller, String learnerId) {
        requireReader(caller, learnerId);
        return jpa.txExpr(TransactionType.Required, em -> recordOf(em, learnerId, latest(em)));
    }

    @Override
    public LedgerRecord record(Caller caller, String learnerId, SignedCheckpoint checkpoint) {
        requireReader(caller, learnerId);
        return jpa.txExpr(TransactionType.Required, em -> recordOf(em, learnerId, checkpoint));
    }

    @Override
    public SignedCheckpoint checkpointHoldingAll() {
        long recorded = jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(EntryRecord.COUNT,
                Long.class).getSingleResult());
        SignedCheckpoint signed = checkpoint();
        while (signed != null && signed.treeSize() < recorded) {
            signed = checkpoint();
        }
        return signed;
    }

    /** The learner's record with its proofs against the checkpoint (none while there is none), whoever asks. */
    static LedgerRecord recordOf(EntityManager em, String learnerId, SignedCheckpoint checkpoint) {
        List<EntryRecord> entries = em.createNamedQuery(EntryRecord.OF_LEARNER, EntryRecord.class)
                .setParameter("learner", learnerId).getResultList();
        long size = checkpoint == null ? 0 : checkpoint.treeSize();
        TreeProofs proofs = new TreeProofs(new StoredNodes(em, Map.of()));
        List<InclusionProof> inclusions = new ArrayList<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        for (EntryRecord entry : entries) {
            inclusions.add(entry.treeIndex() != null && entry.treeIndex() < size
                    ? inclusion(entry, size, proofs) : null);
            totals.merge(entry.classId(), entry.entry().creditedSeconds(), Long::sum);
        }
        return new LedgerRecord(learnerId, entries.stream().map(EntryRecord::view).toList(), inclusions,
                totals.entrySet().stream().map(total -> new LedgerRecord.Total(total.getKey(), total.getValue(),
                        StudyHours.of(total.getValue()))).toList(), checkpoint);
    }

    @Override
    public SignedCheckpoint latestCheckpoint() {
        return jpa.txExpr(TransactionType.Required, LedgerImpl::latest);
    }

    @Override
    public SignedCheckpoint checkpointNow(Caller caller) {
        policy.require(caller, Operation.CREATE, Scope.platform(RecordKind.LEDGER, null));
        SignedCheckpoint made = checkpoint();
        if (made == null) {
            throw new ConflictException("The ledger has no entries yet: there is no tree to sign.");
        }
        audit.record(caller, "ledger.checkpoint", "ledger:" + made.treeSize(), null, "success", made.rootHash());
        return made;
    }

    @Override
    public InclusionProof inclusion(Caller caller, String entryId, long treeSize) {
        EntryRecord entry = jpa.txExpr(TransactionType.Required, em -> entryId == null || entryId.length() > 36
                ? null : em.find(EntryRecord.class, entryId));
        if (entry == null) {
            throw new NotFoundException("There is no ledger entry " + entryId + ".");
        }
        requireReader(caller, entry.learnerId());
        long head = head();
        if (entry.treeIndex() == null || entry.treeIndex() >= treeSize || treeSize > head) {
            throw new InvalidInputException("treeSize", "tree-size", "is the size of a tree that holds the entry: "
                    + "above its leaf " + entry.treeIndex() + " and at most " + head);
        }
        return jpa.txExpr(TransactionType.Required, em -> inclusion(entry, treeSize,
                new TreeProofs(new StoredNodes(em, Map.of()))));
    }

    private static InclusionProof inclusion(EntryRecord entry, long size, TreeProofs proofs) {
        return new InclusionProof(entry.id(), entry.treeIndex(), size, HEX.formatHex(entry.leafHash()),
                proofs.inclusion(entry.treeIndex(), size).stream().map(HEX::formatHex).toList());
    }

    @Override
    public ConsistencyProof consistency(long first, long second) {
        long head = head();
        if (first < 1 || first > second || second > head) {
            throw new InvalidInputException("first", "tree-sizes", "and second are tree sizes, 1 ≤ first ≤ second ≤ "
                    + head);
        }
        return jpa.txExpr(TransactionType.Required, em -> new ConsistencyProof(first, second,
                new TreeProofs(new StoredNodes(em, Map.of())).consistency(first, second).stream()
                        .map(HEX::formatHex).toList()));
    }

    @Override
    public String verifierKey() {
        return verifierKey.toString();
    }

    private static boolean readsAsSize(String line) {
        try {
            Long.parseLong(line);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public String signNote(String text) {
        String[] lines = text.split("\n", -1);
        if (!text.endsWith("\n") || lines.length < 3 || lines[0].equals(origin) || readsAsSize(lines[1])) {
            throw new IllegalArgumentException("A statement ends with a newline, and its first two lines must not "
                    + "read as a checkpoint's origin and tree size");
        }
        return SignedNote.signed(text, verifierKey, key.sign(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public LedgerEntry correct(Caller caller, String entryId, long seconds, String reason) {
        policy.require(caller, Operation.UPDATE, Scope.platform(RecordKind.LEDGER, entryId));
        if (reason == null || reason.isBlank() || reason.length() > 500 || reason.contains("\n")
                || reason.contains("\r")) {
            throw new InvalidInputException("reason", "required", "says why, on one line of at most 500 characters");
        }
        if (seconds == 0) {
            throw new InvalidInputException("seconds", "non-zero", "is the time to add, or to take off if negative");
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            EntryRecord corrected = entryId == null || entryId.length() > 36 ? null
                    : em.find(EntryRecord.class, entryId);
            if (corrected == null) {
                throw new NotFoundException("There is no ledger entry " + entryId + ".");
            }
            Entry original = corrected.entry();
            Entry correction = new Entry(UUID.randomUUID().toString(), Entry.Kind.CORRECTION, original.learnerId(),
                    original.classId(), original.courseId(), original.unit(), null, null, null, null, seconds, null,
                    null, null, entryId, reason.strip(), clock.instant(), caller.name());
            EntryRecord record = new EntryRecord(correction);
            em.persist(record);
            classes.credited(em, original.classId(), original.learnerId(), seconds, correction.recordedAt());
            audit.record(em, caller, "ledger.correct", "ledger-entry:" + entryId, null, "success",
                    seconds + " s: " + reason.strip());
            return record.view();
        });
    }

    @Override
    public List<Progress> progress(Caller caller, String classId) {
        TrainingClass found = classes.get(caller, classId);
        List<String> enrolled = classes.learners(caller, classId);
        Map<String, Long> credited = new HashMap<>();
        jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(EntryRecord.CLASS_TOTALS, Object[].class)
                .setParameter("class", classId).getResultList()).forEach(row -> credited.put((String) row[0],
                        ((Number) row[1]).longValue()));
        return enrolled.stream().map(learner -> progress(found, learner, credited.getOrDefault(learner, 0L)))
                .toList();
    }

    @Override
    public Progress ownProgress(Caller learner, String classId) {
        policy.require(learner, Operation.READ, learners.scope(RecordKind.LEDGER, learner.accountId()));
        TrainingClass found = classes.get(learner, classId);
        Number seconds = jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(
                EntryRecord.LEARNER_CLASS_TOTAL, Number.class).setParameter("class", classId)
                .setParameter("learner", learner.accountId()).getSingleResult());
        return progress(found, learner.accountId(), seconds == null ? 0 : seconds.longValue());
    }

    @Override
    public ProvenProgress provenProgress(Caller caller, String learnerId, String classId) {
        requireReader(caller, learnerId);
        TrainingClass found = classes.get(caller, classId);
        // a checkpoint takes up to a batch of entries into the tree: a few more may be needed to reach the learner's
        for (int signed = 0; ; signed++) {
            ProvenProgress proven = jpa.txExpr(TransactionType.Required, em -> {
                SignedCheckpoint latest = latest(em);
                long size = latest == null ? 0 : latest.treeSize();
                List<EntryRecord> entries = em.createNamedQuery(EntryRecord.OF_LEARNER, EntryRecord.class)
                        .setParameter("learner", learnerId).getResultList().stream()
                        .filter(entry -> entry.classId().equals(classId)).toList();
                if (entries.stream().anyMatch(entry -> entry.treeIndex() == null || entry.treeIndex() >= size)) {
                    return null;
                }
                return new ProvenProgress(progress(found, learnerId, entries.stream()
                        .mapToLong(entry -> entry.entry().creditedSeconds()).sum()), latest);
            });
            if (proven != null) {
                return proven;
            }
            if (signed == 100) {
                throw new ServiceUnavailableException("The ledger is busy signing checkpoints; ask again shortly.");
            }
            checkpoint();
        }
    }

    private static Progress progress(TrainingClass trainingClass, String learnerId, long seconds) {
        long target = trainingClass.onlineHours() * StudyHours.SECONDS_PER_HOUR;
        return new Progress(learnerId, trainingClass.id(), seconds, StudyHours.of(seconds),
                trainingClass.onlineHours(), target > 0 && seconds >= target);
    }

    /**
     * Takes the entries recorded since the last checkpoint into the tree and signs the new root; the latest
     * checkpoint if there are none, {@code null} while the ledger is empty.
     */
    SignedCheckpoint checkpoint() {
        return jpa.txExpr(TransactionType.Required, em -> {
            HeadRecord head = em.find(HeadRecord.class, HeadRecord.ID, LockModeType.PESSIMISTIC_WRITE);
            List<EntryRecord> fresh = new ArrayList<>(em.createNamedQuery(EntryRecord.UNSEQUENCED,
                    EntryRecord.class).setMaxResults(BATCH).getResultList());
            fresh.sort(Comparator.comparingLong(EntryRecord::recordedAt).thenComparing(EntryRecord::id));
            SignedCheckpoint latest = latest(em);
            if (fresh.isEmpty()) {
                return latest;
            }
            Map<String, byte[]> made = new HashMap<>();
            TreeProofs proofs = new TreeProofs(new StoredNodes(em, made));
            long size = head.treeSize();
            for (EntryRecord entry : fresh) {
                entry.sequenced(size);
                made.put(0 + "/" + size, entry.leafHash());
                for (TreeProofs.Node node : proofs.completed(size, entry.leafHash())) {
                    made.put(node.level() + "/" + node.index(), node.hash());
                    em.persist(new NodeRecord(node.level(), node.index(), node.hash()));
                }
                size++;
            }
            head.grew(size);
            byte[] root = proofs.root(size);
            String text = Checkpoint.text(origin, size, root);
            String note = SignedNote.signed(text, verifierKey, key.sign(text.getBytes(StandardCharsets.UTF_8)));
            CheckpointRecord checkpoint = new CheckpointRecord(size, HEX.formatHex(root), clock.instant(), note);
            em.persist(checkpoint);
            return checkpoint.view();
        });
    }

    @Override
    public SelfCheck selfCheck() {
        List<String> mismatches = new ArrayList<>();
        List<CheckpointRecord> checkpoints = jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(
                CheckpointRecord.ALL, CheckpointRecord.class).getResultList());
        Deque<byte[]> stack = new ArrayDeque<>();
        Deque<Integer> levels = new ArrayDeque<>();
        long head = head();
        int next = 0;
        long read = 0;
        while (next < checkpoints.size() && checkpoints.get(next).treeSize() == 0) {
            next++;
        }
        for (long from = 0; from < head; from += BATCH) {
            long start = from;
            List<EntryRecord> batch = jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(
                    EntryRecord.SEQUENCED, EntryRecord.class).setParameter("from", start)
                    .setParameter("to", start + BATCH).getResultList());
            for (EntryRecord entry : batch) {
                if (entry.treeIndex() != read) {
                    mismatches.add("leaf " + read + " is missing");
                    read = entry.treeIndex();
                }
                byte[] leaf = entry.leafHash();
                if (!Arrays.equals(entry.entry().leafHash(), leaf)) {
                    mismatches.add("entry " + entry.id() + " (leaf " + entry.treeIndex() + ") no longer matches its "
                            + "leaf hash");
                }
                push(stack, levels, leaf);
                read++;
                while (next < checkpoints.size() && checkpoints.get(next).treeSize() == read) {
                    checkRoot(checkpoints.get(next++), rootOf(stack), mismatches);
                }
            }
        }
        SelfCheck result = new SelfCheck(clock.instant(), read, List.copyOf(mismatches));
        if (!result.passed()) {
            LOG.error("The ledger's self-check found {} mismatches: {}", mismatches.size(), mismatches);
            audit.record(Caller.system(), "ledger.self-check", "ledger:" + head, null, "mismatch",
                    String.join("; ", mismatches.subList(0, Math.min(10, mismatches.size()))));
        }
        lastSelfCheck = result;
        return result;
    }

    @Override
    public SelfCheck lastSelfCheck() {
        return lastSelfCheck;
    }

    private void checkRoot(CheckpointRecord checkpoint, byte[] root, List<String> mismatches) {
        try {
            Checkpoint signed = Checkpoint.verified(checkpoint.view().note(), verifierKey);
            if (!HEX.formatHex(root).equals(HEX.formatHex(signed.root()))
                    || !checkpoint.rootHash().equals(HEX.formatHex(signed.root()))) {
                mismatches.add("checkpoint " + checkpoint.treeSize() + ": the stored leaves give another root");
            }
        } catch (IllegalArgumentException e) {
            mismatches.add("checkpoint " + checkpoint.treeSize() + ": " + e.getMessage());
        }
    }

    /** Adds a leaf to the compact range of complete subtrees, merging equal levels as a binary counter does. */
    private static void push(Deque<byte[]> stack, Deque<Integer> levels, byte[] leaf) {
        byte[] hash = leaf;
        int level = 0;
        while (!levels.isEmpty() && levels.peek() == level) {
            levels.pop();
            hash = TreeHash.node(stack.pop(), hash);
            level++;
        }
        stack.push(hash);
        levels.push(level);
    }

    private static byte[] rootOf(Deque<byte[]> stack) {
        byte[] root = null;
        for (byte[] hash : stack) {
            root = root == null ? hash : TreeHash.node(hash, root);
        }
        return root;
    }

    private long head() {
        return jpa.txExpr(TransactionType.Required, em -> em.find(HeadRecord.class, HeadRecord.ID).treeSize());
    }

    static SignedCheckpoint latest(EntityManager em) {
        return em.createNamedQuery(CheckpointRecord.LATEST, CheckpointRecord.class).setMaxResults(1)
                .getResultStream().findFirst().map(CheckpointRecord::view).orElse(null);
    }

    /** Passes if the caller may read the learner's ledger; a read by anyone but the learner is audited. */
    private void requireReader(Caller caller, String learnerId) {
        Scope scope = learners.scope(RecordKind.LEDGER, learnerId);
        policy.require(caller, Operation.READ, scope);
        if (!learnerId.equals(caller.accountId())) {
            audit.record(caller, "ledger.read", scope.target(), scope.region(), "success", null);
        }
    }

    /** The tree's nodes: leaves from the entries, subtrees from their table, and those made in this transaction. */
    private record StoredNodes(EntityManager em, Map<String, byte[]> made) implements TreeProofs.Nodes {

        @Override
        public byte[] node(int level, long index) {
            byte[] fresh = made.get(level + "/" + index);
            if (fresh != null) {
                return fresh;
            }
            if (level == 0) {
                return HEX.parseHex(em.createNamedQuery(EntryRecord.LEAF_AT, String.class)
                        .setParameter("index", index).getSingleResult());
            }
            return em.find(NodeRecord.class, new NodeRecord.Key(level, index)).hash();
        }
    }
}
