package cn.anxun.courses;

/** Initial training (初训), whose online hours are capped, or refresher training (复训), which may be all online. */
public enum TrainingKind {
    INITIAL,
    REFRESHER
}
