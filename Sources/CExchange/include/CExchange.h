#ifndef ALMANAC_CEXCHANGE_H
#define ALMANAC_CEXCHANGE_H

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS/EINVAL where
/// the system or file system cannot exchange).
int almanac_exchange_paths(const char *from, const char *to);

#endif
