#ifndef ALMANAC_CEXCHANGE_H
#define ALMANAC_CEXCHANGE_H

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS/EINVAL where
/// the system or file system cannot exchange).
int almanac_exchange_paths(const char *from, const char *to);

/// Marks a folder as the top of a hierarchy (FS_TOPDIR_FL, `chattr +T`): ext2/3/4
/// then place the inodes of each folder made in it in a block group of its own
/// instead of the parent's. Returns 0, or -1 with errno set where the file system
/// has no such flag (it is only a hint).
int almanac_mark_top_directory(const char *path);

#endif
