#ifndef C_DIRECTORY_SWAP_H
#define C_DIRECTORY_SWAP_H

/// Atomically exchanges the directory entries `first` and `second` (both must exist):
/// Linux renameat2(2) with RENAME_EXCHANGE, macOS renamex_np(3) with RENAME_SWAP.
/// Returns 0, or -1 with errno set; ENOSYS or EINVAL where the kernel or the file
/// system cannot exchange (the caller then falls back to two renames).
///
/// A C function because Swift imports neither the variadic syscall(2) nor renameat2,
/// which glibc declares only under _GNU_SOURCE.
int loysite_exchange_paths(const char *first, const char *second);

#endif
