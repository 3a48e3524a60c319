/** Not exported: the backup service, its runs and the folders they write. */
package cn.anxun.backup.internal;
