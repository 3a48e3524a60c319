package cn.anxun.courses;

import cn.anxun.identity.PersonnelCategory;

/**
 * What the operator enters for a programme.
 *
 * @param industry the kind of unit, for principal leaders and safety managers, e.g. 危险化学品生产单位
 * @param operationType the operation type, for special-operation workers, e.g. 低压电工作业
 * @param practicalHours hours of practical training, never online
 * @param onlineShare percent of the theory hours that may be studied online, to lower the deployment's share for
 *        initial training; {@code null} for the deployment's share (refresher training: 100)
 */
public record ProgrammeEntry(String code, String name, PersonnelCategory category, String industry,
        String operationType, TrainingKind kind, Integer theoryHours, Integer practicalHours, Integer onlineShare) {
}
