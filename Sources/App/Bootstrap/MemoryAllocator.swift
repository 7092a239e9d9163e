#if canImport(Glibc)
    import Glibc
#endif

/// The C allocator's settings for a long-running server.
///
/// glibc returns the free memory at the top of each thread's heap to the kernel as soon as it exceeds 128 KiB
/// (`madvise`), and serves each allocation above 128 KiB with its own `mmap`. A server that builds and frees a few
/// hundred KiB per request (a `DescribeCases` response, SQLite's temporary tables for a windowed query) then spends
/// about a tenth of its time in the kernel giving pages back and faulting them in again. Keeping up to 2 MiB per heap
/// and mapping only allocations above 1 MiB stops that, for at most a few MiB of resident memory.
public enum MemoryAllocator {
    /// Free memory kept at the top of a heap before it is returned to the kernel.
    public static let trimThreshold = 2 << 20
    /// Allocations of at least this size get their own mapping.
    public static let mappingThreshold = 1 << 20

    /// Applies the settings (process-wide, for every heap); call once at start-up. An operator's own setting of
    /// either wins (`GLIBC_TUNABLES`, or the older `MALLOC_TRIM_THRESHOLD_` and `MALLOC_MMAP_THRESHOLD_`).
    public static func configureForServing(environment: [String: String]) {
        #if canImport(Glibc)
            // `mallopt` is declared in <malloc.h>, which Swift's Glibc module does not bring in; looked up instead (a C
            // library without it, such as musl, is left as it is).
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
            let mallopt = unsafeBitCast(symbol, to: MallocOption.self)
            let tunables = environment["GLIBC_TUNABLES"] ?? ""
            // M_TRIM_THRESHOLD and M_MMAP_THRESHOLD in <malloc.h>.
            if !tunables.contains("glibc.malloc.trim_threshold") && environment["MALLOC_TRIM_THRESHOLD_"] == nil {
                _ = mallopt(-1, Int32(trimThreshold))
            }
            if !tunables.contains("glibc.malloc.mmap_threshold") && environment["MALLOC_MMAP_THRESHOLD_"] == nil {
                _ = mallopt(-3, Int32(mappingThreshold))
            }
        #endif
    }
}
