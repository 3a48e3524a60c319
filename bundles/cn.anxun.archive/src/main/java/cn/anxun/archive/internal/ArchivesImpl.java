package cn.anxun.archive.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.api.archive.ArchiveContributor;
import cn.anxun.api.archive.ArchiveRecord;
import cn.anxun.archive.ArchiveSection;
import cn.anxun.archive.Archives;
import cn.anxun.archive.ClassArchive;
import cn.anxun.archive.LearnerArchive;
import cn.anxun.classes.Classes;
import cn.anxun.classes.TrainingClass;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.Learner;
import cn.anxun.identity.Learners;
import cn.anxun.identity.Operation;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Scope;

/** Archives put together from the contributors installed now, in the order people read them. */
@Component(service = Archives.class)
public class ArchivesImpl implements Archives {

    private final Clock clock;
    private final Learners learners;
    private final Classes classes;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final Contributors contributors;
    private final RetentionImpl retention;
    private final ArchiveDocument documents = new ArchiveDocument();

    @Activate
    public ArchivesImpl(@Reference Clock clock, @Reference Learners learners, @Reference Classes classes,
            @Reference AuditLog audit, @Reference AccessPolicy policy, @Reference Contributors contributors,
            @Reference RetentionImpl retention) {
        this.clock = clock;
        this.policy = policy;
        this.learners = learners;
        this.classes = classes;
        this.audit = audit;
        this.contributors = contributors;
        this.retention = retention;
    }

    @Override
    public LearnerArchive ofLearner(Caller caller, String learnerId) {
        Scope scope = learners.scope(RecordKind.ARCHIVE, learnerId);
        policy.require(caller, Operation.READ, scope);
        Learner learner = learners.get(caller, learnerId);
        audit.record(caller, ArchiveContributor.READ_ACTION, scope.target(), scope.region(), "success", null);
        List<ArchiveSection> sections = new ArrayList<>();
        Instant latest = null;
        for (ArchiveContributor contributor : contributors.inReadingOrder()) {
            List<ArchiveRecord> records = contributor.ofLearner(learnerId);
            if (contributor.keepsArchive()) {
                latest = RetentionImpl.later(latest, ArchiveContributor.latest(records));
            }
            add(sections, contributor, records);
        }
        // the retention from the records read here, not read again
        return new LearnerArchive(learner, clock.instant(), sections, retention.of(learner, latest));
    }

    @Override
    public ClassArchive ofClass(Caller caller, String classId) {
        TrainingClass trainingClass = classes.get(caller, classId);
        policy.require(caller, Operation.READ, classes.scope(RecordKind.CLASS_RECORDS, classId));
        audit.record(caller, ArchiveContributor.READ_ACTION, "class:" + classId, trainingClass.city(), "success",
                null);
        return new ClassArchive(trainingClass, clock.instant(), sections(contributor -> contributor.ofClass(
                classId)));
    }

    @Override
    public byte[] printLearner(Caller caller, String learnerId) {
        return documents.render(List.of(ArchiveDocument.of(ofLearner(caller, learnerId))));
    }

    @Override
    public byte[] printClass(Caller caller, String classId) {
        return documents.render(List.of(ArchiveDocument.of(ofClass(caller, classId))));
    }

    private List<ArchiveSection> sections(Function<ArchiveContributor, List<ArchiveRecord>> records) {
        List<ArchiveSection> sections = new ArrayList<>();
        for (ArchiveContributor contributor : contributors.inReadingOrder()) {
            add(sections, contributor, records.apply(contributor));
        }
        return sections;
    }

    private static void add(List<ArchiveSection> sections, ArchiveContributor contributor,
            List<ArchiveRecord> records) {
        if (!records.isEmpty()) {
            sections.add(new ArchiveSection(contributor.kind(), contributor.title(), records));
        }
    }
}
