package cn.anxun.exams.internal;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.courses.Programmes;
import cn.anxun.exams.Question;
import cn.anxun.exams.QuestionBank;
import cn.anxun.exams.QuestionBanks;
import cn.anxun.exams.QuestionImport;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Scope;
import cn.anxun.platform.persistence.DatabaseFailure;
import cn.anxun.sheets.Sheet;
import cn.anxun.sheets.SheetFormat;
import cn.anxun.sheets.SheetWriter;

/** Banks in {@code QUESTION_BANK}, every version of their questions in {@code QUESTION}. */
@Component(service = QuestionBanks.class)
public class QuestionBanksImpl implements QuestionBanks {

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Programmes programmes;
    private final AuditLog audit;
    private final AccessPolicy policy;

    @Activate
    public QuestionBanksImpl(@Reference(target = "(osgi.unit.name=anxun-exams)") JpaTemplate jpa,
            @Reference Clock clock, @Reference Programmes programmes, @Reference AuditLog audit,
            @Reference AccessPolicy policy) {
        this.jpa = jpa;
        this.policy = policy;
        this.clock = clock;
        this.programmes = programmes;
        this.audit = audit;
    }

    @Override
    public QuestionBank open(Caller caller, String institutionId, String programmeCode) {
        String keeper = institutionId == null ? QuestionBankRecord.PROVINCE : institutionId;
        policy.require(caller, Operation.CREATE, scope(keeper, "new"));
        if (programmeCode == null || programmes.versions(List.of(programmeCode)).isEmpty()) {
            throw new InvalidInputException("programme", "programme", "is the code of a programme");
        }
        return DatabaseFailure.orRefused(() -> jpa.txExpr(TransactionType.Required, em -> {
            if (!em.createNamedQuery(QuestionBankRecord.OF_KEEPER_FOR, QuestionBankRecord.class)
                    .setParameter("keeper", keeper).setParameter("programme", programmeCode).getResultList()
                    .isEmpty()) {
                throw bankExists(programmeCode);
            }
            QuestionBankRecord bank = new QuestionBankRecord(keeper, programmeCode, clock.instant(), caller.name());
            em.persist(bank);
            em.flush();
            audit.record(em, caller, "question-bank.opened", target(bank), null, "success", programmeCode);
            return bank.view();
        }), () -> bankExists(programmeCode));
    }

    private static ConflictException bankExists(String programmeCode) {
        return new ConflictException("The keeper has a question bank for " + programmeCode + " already.");
    }

    @Override
    public QuestionBank get(Caller caller, String bankId) {
        return jpa.txExpr(TransactionType.Required, em -> readable(caller, em, bankId).view());
    }

    @Override
    public List<QuestionBank> ofInstitution(Caller caller, String institutionId) {
        policy.require(caller, Operation.READ, scope(institutionId, institutionId));
        return banks(List.of(institutionId, QuestionBankRecord.PROVINCE));
    }

    @Override
    public List<QuestionBank> ofProvince(Caller caller) {
        policy.require(caller, Operation.READ, scope(QuestionBankRecord.PROVINCE, null));
        return banks(List.of(QuestionBankRecord.PROVINCE));
    }

    private List<QuestionBank> banks(List<String> keepers) {
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(QuestionBankRecord.OF_KEEPERS,
                QuestionBankRecord.class).setParameter("keepers", keepers).getResultList().stream()
                .sorted((a, b) -> Boolean.compare(a.institutionId() == null, b.institutionId() == null))
                .map(QuestionBankRecord::view).toList());
    }

    @Override
    public List<Question> questions(Caller caller, String bankId) {
        return jpa.txExpr(TransactionType.Required, em -> QuestionRecord.viewsInForce(em,
                List.of(readable(caller, em, bankId).id())));
    }

    @Override
    public List<Question> versions(Caller caller, String bankId, String code) {
        List<Question> versions = jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(
                QuestionRecord.VERSIONS, QuestionRecord.class).setParameter("bank", readable(caller, em, bankId).id())
                .setParameter("code", code).getResultList().stream().map(QuestionRecord::view).toList());
        if (versions.isEmpty()) {
            throw new NotFoundException("The bank has no question " + code + ".");
        }
        return versions;
    }

    @Override
    public QuestionImport importSheet(Caller caller, String bankId, byte[] file) {
        // the keeper is checked before the file is read: a stranger learns nothing from its errors
        jpa.txExpr(TransactionType.Required, em -> writable(caller, em, bankId));
        List<QuestionEntry> entries = QuestionSheet.read(Sheet.read(file));
        return jpa.txExpr(TransactionType.Required, em -> {
            QuestionBankRecord bank = writable(caller, em, bankId);
            em.lock(bank, LockModeType.PESSIMISTIC_WRITE);
            Map<String, QuestionRecord> inForce = new HashMap<>();
            QuestionRecord.inForce(em, List.of(bank.id())).forEach(question -> inForce.put(question.code(),
                    question));
            Map<String, Integer> latest = new HashMap<>();
            em.createNamedQuery(QuestionRecord.LATEST_VERSIONS, Object[].class).setParameter("bank", bank.id())
                    .getResultList().forEach(row -> latest.put((String) row[0], ((Number) row[1]).intValue()));
            Instant now = clock.instant();
            int added = 0;
            int revised = 0;
            int unchanged = 0;
            for (QuestionEntry entry : entries) {
                QuestionRecord current = entry.code() == null ? null : inForce.get(entry.code());
                if (current != null && current.says(entry)) {
                    unchanged++;
                    continue;
                }
                String code = entry.code() == null ? unusedCode(bank, latest) : entry.code();
                if (current != null) {
                    current.end(now);
                    revised++;
                } else {
                    bank.count(1);
                    added++;
                }
                int version = latest.merge(code, 1, Integer::sum);
                em.persist(new QuestionRecord(bank.id(), code, version, entry, now, caller.name()));
            }
            audit.record(em, caller, "question-bank.imported", target(bank), null, "success", added + " added, "
                    + revised + " revised, " + unchanged + " unchanged");
            return new QuestionImport(added, revised, unchanged);
        });
    }

    private static String unusedCode(QuestionBankRecord bank, Map<String, Integer> latest) {
        String code = bank.nextCode();
        while (latest.containsKey(code)) {
            code = bank.nextCode();
        }
        return code;
    }

    @Override
    public byte[] export(Caller caller, String bankId, SheetFormat format) {
        List<Question> questions = questions(caller, bankId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter sheet = SheetWriter.open(format, out, QuestionSheet.header().toArray(String[]::new))) {
            questions.forEach(question -> sheet.row(QuestionSheet.row(question).toArray()));
        }
        return out.toByteArray();
    }

    @Override
    public Question retire(Caller caller, String bankId, String code) {
        return jpa.txExpr(TransactionType.Required, em -> {
            QuestionBankRecord bank = writable(caller, em, bankId);
            em.lock(bank, LockModeType.PESSIMISTIC_WRITE);
            QuestionRecord question = em.createNamedQuery(QuestionRecord.VERSIONS, QuestionRecord.class)
                    .setParameter("bank", bank.id()).setParameter("code", code).getResultList().stream()
                    .filter(QuestionRecord::inForce).findFirst().orElseThrow(() -> new NotFoundException("The bank has no question " + code + " in force."));
            question.end(clock.instant());
            bank.count(-1);
            audit.record(em, caller, "question.retired", target(bank), null, "success", code);
            return question.view();
        });
    }

    private static QuestionBankRecord bank(EntityManager em, String bankId) {
        QuestionBankRecord bank = bankId == null ? null : em.find(QuestionBankRecord.class, bankId);
        if (bank == null) {
            throw new NotFoundException("There is no question bank " + bankId + ".");
        }
        return bank;
    }

    private QuestionBankRecord readable(Caller caller, EntityManager em, String bankId) {
        caller.requireLogin("read a question bank");
        QuestionBankRecord bank = bank(em, bankId);
        policy.require(caller, Operation.READ, scope(bank.keeper(), bank.id()));
        return bank;
    }

    private QuestionBankRecord writable(Caller caller, EntityManager em, String bankId) {
        caller.requireLogin("change a question bank");
        QuestionBankRecord bank = bank(em, bankId);
        policy.require(caller, Operation.UPDATE, scope(bank.keeper(), bank.id()));
        return bank;
    }

    /** A bank as the access policy sees it: the province's, or one of the institution that keeps it. */
    private static Scope scope(String keeper, String bankId) {
        return QuestionBankRecord.PROVINCE.equals(keeper) ? Scope.platform(RecordKind.PROVINCE_QUESTION_BANK, bankId)
                : Scope.institution(RecordKind.QUESTION_BANK, bankId, keeper, List.of());
    }

    private static String target(QuestionBankRecord bank) {
        return "question-bank:" + bank.id();
    }
}
