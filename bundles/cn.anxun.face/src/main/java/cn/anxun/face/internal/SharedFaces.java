package cn.anxun.face.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * other learner's of the same model, by the provider that makes them and at its threshold. A learner's reference
 * template is made at their first face check.
 */
@Component(service = PatternDetector.class)
public class SharedFaces implements PatternDetector {

    static final String KIND = "shared-face";

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
        List<String> models = jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(
                TemplateRecord.MODELS_MADE, String.class).setParameter("from", from.toEpochMilli())
                .setParameter("until", until.toEpochMilli()).getResultList());
        Map<String, TreeSet<String>> alike = new TreeMap<>();
        Map<String, Double> best = new TreeMap<>();
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
            for (int i = 0; i < kept.size(); i++) {
                if (!kept.get(i).madeIn(from, until)) {
                    continue;
                }
                for (int j = 0; j < kept.size(); j++) {
                    // a pair of two new templates is compared once
                    if (i == j || j < i && kept.get(j).madeIn(from, until)) {
                        continue;
                    }
                    double score = measure.get().similarity().applyAsDouble(opened.get(i), opened.get(j));
                    if (score >= measure.get().threshold()) {
                        pair(alike, best, kept.get(i).learnerId(), kept.get(j).learnerId(), score);
                    }
                }
            }
        }
        List<Suspicion> found = new ArrayList<>();
        alike.forEach((learner, others) -> found.add(Suspicion.ofLearner(KIND + ":" + learner, learner,
                String.format(Locale.ROOT, "The reference photo shows the face of %d other learner(s); the highest "
                        + "similarity is %.3f.", others.size(), best.get(learner)),
                others.stream().map(other -> "learner:" + other).toList())));
        return found;
    }

    private static void pair(Map<String, TreeSet<String>> alike, Map<String, Double> best, String one, String other,
            double score) {
        alike.computeIfAbsent(one, learner -> new TreeSet<>()).add(other);
        alike.computeIfAbsent(other, learner -> new TreeSet<>()).add(one);
        best.merge(one, score, Math::max);
        best.merge(other, score, Math::max);
    }
}
