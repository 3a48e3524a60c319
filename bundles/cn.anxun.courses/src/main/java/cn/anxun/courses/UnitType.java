package cn.anxun.courses;

/** The forms a course unit takes. Practical training is never a unit: it is not studied online. */
public enum UnitType {
    /** A video; it lasts as long as it plays. */
    VIDEO,
    /** Sound alone; it lasts as long as it plays. */
    AUDIO,
    /** Text with pictures; it lasts its reading time. */
    TEXT
}
