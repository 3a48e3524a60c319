package cn.anxun.face.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.api.face.FaceTemplate;
import cn.anxun.api.supervision.PatternDetector;
import cn.anxun.api.supervision.Suspicion;
import cn.anxun.identity.Sealing;

/**
 * One face behind several ID numbers: the templates of reference photos made in the period compared with every
 * other learner's of the same model, and the templates of the captures of the period's failed face checks compared
 * with the other learners' reference templates, by the provider that makes them and at its threshold. A learner's
 * reference template is made at their first face check; a failed capture that shows another learner's face says who
 * may study for them.
 */
@Component(service = PatternDetector.class)
public class SharedFaces implements PatternDetector {

    static final String KIND = "shared-face";
    /** Failed checks only: a capture that matches its own learner's face is theirs, whoever else it resembles. */
    private static final String FAILED = " FROM FaceCaptureRecord c, FaceCheckRecord k WHERE k.id = c.checkId "
            + "AND k.decision = 'MISMATCH' AND k.checkedAt >= :from AND k.checkedAt < :until";
    private static final String CAPTURES = "SELECT k.id, k.learnerId, c.template" + FAILED
            + " AND c.model = :model AND c.template IS NOT NULL";
    private static final String CAPTURE_MODELS = "SELECT DISTINCT c.model" + FAILED + " AND c.model IS NOT NULL";

    /** What was found of one learner: the others whose face it is, the captures that show it, the best score. */
    private static final class Alike {
        final TreeSet<String> others = new TreeSet<>();
        final TreeSet<String> checks = new TreeSet<>();
        boolean reference;
        double best;

        void add(String other, String check, double score) {
            others.add(other);
            if (check == null) {
                reference = true;
            } else {
                checks.add(check);
            }
            best = Math.max(best, score);
        }

        String summary() {
            String shown = reference ? "The reference photo shows the face of other learner(s)" : "";
            String captured = checks.isEmpty() ? "" : checks.size() + " face check capture(s) show the face of "
                    + "other learner(s)";
            return String.format(Locale.ROOT, "%s%s%s: %d in all; the highest similarity is %.3f.", shown,
                    reference && !checks.isEmpty() ? "; " : "", captured, others.size(), best);
        }

        List<String> records() {
            List<String> records = new ArrayList<>(others.stream().map(other -> "learner:" + other).toList());
            checks.forEach(check -> records.add("face-check:" + check));
            return records;
        }
    }

    private final JpaTemplate jpa;
    private final ProviderChoice providers;
    private final Templates templates;

    @Activate
    public SharedFaces(@Reference(target = "(osgi.unit.name=anxun-face)") JpaTemplate jpa,
            @Reference ProviderChoice providers, @Reference Sealing sealing) {
        this.jpa = jpa;
        this.providers = providers;
        this.templates = new Templates(sealing);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String label() {
        return "一张人脸对应多个身份证号";
    }

    @Override
    public List<Suspicion> detect(Instant from, Instant until) {
        List<String> made = jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(
                TemplateRecord.MODELS_MADE, String.class).setParameter("from", from.toEpochMilli())
                .setParameter("until", until.toEpochMilli()).getResultList());
        Set<String> models = new TreeSet<>(made);
        models.addAll(jpa.txExpr(TransactionType.Required, em -> em.createQuery(CAPTURE_MODELS, String.class)
                .setParameter("from", from.toEpochMilli()).setParameter("until", until.toEpochMilli())
                .getResultList()));
        Map<String, Alike> alike = new TreeMap<>();
        for (String model : models) {
            Optional<ProviderChoice.Measure> measure = providers.measure(model);
            if (measure.isEmpty()) {
                continue;
            }
            List<TemplateRecord> kept = jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(
                    TemplateRecord.OF_MODEL, TemplateRecord.class).setParameter("model", model).getResultList());
            List<FaceTemplate> opened = new ArrayList<>();
            for (TemplateRecord template : kept) {
                opened.add(templates.open(model, template.sealed(), Templates.referenceContext(
                        template.learnerId())));
            }
            references(kept, opened, measure.get(), from, until, alike);
            captures(model, kept, opened, measure.get(), from, until, alike);
        }
        List<Suspicion> found = new ArrayList<>();
        alike.forEach((learner, seen) -> found.add(Suspicion.ofLearner(KIND + ":" + learner, learner,
                seen.summary(), seen.records())));
        return found;
    }

    /** The reference templates made in the period against every other. */
    private static void references(List<TemplateRecord> kept, List<FaceTemplate> opened,
            ProviderChoice.Measure measure, Instant from, Instant until, Map<String, Alike> alike) {
        for (int i = 0; i < kept.size(); i++) {
            if (!kept.get(i).madeIn(from, until)) {
                continue;
            }
            for (int j = 0; j < kept.size(); j++) {
                // a pair of two new templates is compared once
                if (i == j || j < i && kept.get(j).madeIn(from, until)) {
                    continue;
                }
                double score = measure.similarity().applyAsDouble(opened.get(i), opened.get(j));
                if (score >= measure.threshold()) {
                    String one = kept.get(i).learnerId();
                    String other = kept.get(j).learnerId();
                    alike.computeIfAbsent(one, learner -> new Alike()).add(other, null, score);
                    alike.computeIfAbsent(other, learner -> new Alike()).add(one, null, score);
                }
            }
        }
    }

    /** The captures of the period's failed checks against the other learners' reference templates. */
    private void captures(String model, List<TemplateRecord> kept, List<FaceTemplate> opened,
            ProviderChoice.Measure measure, Instant from, Instant until, Map<String, Alike> alike) {
        List<Object[]> captures = jpa.txExpr(TransactionType.Required, em -> em.createQuery(CAPTURES,
                Object[].class).setParameter("model", model).setParameter("from", from.toEpochMilli())
                .setParameter("until", until.toEpochMilli()).getResultList());
        for (Object[] capture : captures) {
            String check = (String) capture[0];
            String learner = (String) capture[1];
            FaceTemplate shown = templates.open(model, (String) capture[2], Templates.captureContext(check));
            for (int j = 0; j < kept.size(); j++) {
                String other = kept.get(j).learnerId();
                double score = learner.equals(other) ? 0 : measure.similarity().applyAsDouble(shown, opened.get(j));
                if (score >= measure.threshold()) {
                    alike.computeIfAbsent(learner, found -> new Alike()).add(other, check, score);
                }
            }
        }
    }
}
