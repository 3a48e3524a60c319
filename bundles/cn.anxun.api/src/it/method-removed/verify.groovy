// the build failed for the baseline, on the package that lost a method, not for another reason
def log = new File(basedir, 'build.log').text
assert log.contains('cn.anxun.api.face: Version increase required; detected 1.1.0, suggested 2.0.0')
assert log.contains('Baseline failed')
