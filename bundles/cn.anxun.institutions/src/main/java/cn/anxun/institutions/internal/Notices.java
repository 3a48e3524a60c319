package cn.anxun.institutions.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import cn.anxun.cities.City;
import cn.anxun.institutions.Registration.Action;

/** The wording of the public announcements (公告) of a city bureau's decisions; rejections are not announced. */
final class Notices {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日")
            .withZone(ZoneId.of("Asia/Shanghai"));

    record Text(String title, String body) {
    }

    private Notices() {
    }

    static boolean announced(Action action) {
        return action != Action.SUBMIT && action != Action.REJECT;
    }

    static Text of(Action action, RegistrationRecord registration, City city, String reason, Instant at) {
        String name = registration.institutionName();
        String who = name + "（统一社会信用代码 " + registration.creditCode() + "，登记号 "
                + registration.registrationNumber() + "）";
        String date = DATE.format(at);
        String because = reason == null ? "" : "原因：" + reason + "。";
        String signed = "特此公告。" + city.module().bureau() + " " + date;
        return switch (action) {
            case APPROVE -> new Text("关于" + name + "登记为" + city.module().name() + "网络培训机构的公告",
                    "经审核，" + who + "已向本局报告线下培训并提交书面意向，现予登记为" + city.module().name()
                            + "安全生产网络培训机构。" + signed);
            case SUSPEND -> new Text("关于暂停" + name + "网络培训登记的公告",
                    who + "的网络培训登记自" + date + "起暂停。" + because + signed);
            case REINSTATE -> new Text("关于恢复" + name + "网络培训登记的公告",
                    who + "的网络培训登记自" + date + "起恢复。" + because + signed);
            case REVOKE -> new Text("关于撤销" + name + "网络培训登记的公告",
                    who + "的网络培训登记自" + date + "起撤销。" + because + signed);
            case SUBMIT, REJECT -> throw new IllegalArgumentException(action + " is not announced");
        };
    }
}
