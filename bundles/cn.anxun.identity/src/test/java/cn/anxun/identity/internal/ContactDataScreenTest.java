package cn.anxun.identity.internal;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.Collection;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** Contact details typed into free text are found; ordinary unit names and titles pass. */
@RunWith(Parameterized.class)
public class ContactDataScreenTest {

    @Parameters(name = "{0}")
    public static Collection<Object[]> texts() {
        return Arrays.asList(new Object[][] {
            {"广州某化工有限公司", null},
            {"安全生产管理科科长", null},
            {"深圳市第2化工厂（2019年成立）", null},
            {"佛山市顺德区XX五金制品厂", null},
            {"WeChat marketing specialist", null},
            {"Shenzhen Weixin Technology Co., Ltd.", null},
            {"深圳市微信科技有限公司", null},
            {"广东维信 Weixin Electronics", null},
            {"DevX engineer", null},
            {"QQ音乐运营主管", null},
            {"2023年度安全员", null},
            {"广州某化工有限公司13800138000", "a mobile phone number"},
            {"联系电话 138 0013 8000", "a mobile phone number"},
            {"电话：138-0013-8000", "a mobile phone number"},
            {"+86 13800138000", "a mobile phone number"},
            {"１３８００１３８０００", "a mobile phone number"}, // full-width digits
            {"zhang.san@example.com", "an e-mail address"},
            {"zhangsan ＠ qq.com", "an e-mail address"},
            {"微信：zhangsan_88", "a WeChat ID"},
            {"微信号 zhangsan", "a WeChat ID"},
            {"vx zs123456", "a WeChat ID"},
            {"WeChat ID: abc_def1", "a WeChat ID"},
            {"QQ 12345678", "a QQ number"},
            {"扣扣号：987654321", "a QQ number"},
        });
    }

    private final String text;
    private final String kind;

    public ContactDataScreenTest(String text, String kind) {
        this.text = text;
        this.kind = kind;
    }

    @Test
    public void findsContactDetails() {
        assertEquals(kind, ContactDataScreen.find(text).orElse(null));
    }
}
