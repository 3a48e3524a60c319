package cn.anxun.media.internal;

import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

import cn.anxun.api.backup.BackedUpFiles;

/**
 * The stored media, for backups. Unfinished uploads are left out: after a restore the platform knows them but not
 * their bytes, and their clients resume them from the start.
 */
@Component(service = BackedUpFiles.class, configurationPid = MediaConfig.PID)
public class MediaBackedUp implements BackedUpFiles {

    private volatile Path folder;

    @Activate
    public MediaBackedUp(MediaConfig config) {
        modified(config);
    }

    @Modified
    void modified(MediaConfig config) {
        folder = MediaStore.of(config).storedFolder();
    }

    @Override
    public String name() {
        return "media";
    }

    @Override
    public Path folder() {
        return folder;
    }
}
