/// What the kernel's change notification said since the last look: nothing, the
/// entries it named (absolute paths: `folder/name` for each event on a watched folder),
/// or something it cannot place — a lost event queue, a watched folder itself moved or
/// deleted, a change to a watched file (a followed link's target) — after which only
/// a scan of everything is sure to find it.
enum NotifiedChanges: Equatable {
    case nothing
    case entries(Set<String>)
    case unplaced

    /// Both reports together: anything unplaced wins, named entries add up.
    mutating func add(_ other: NotifiedChanges) {
        switch (self, other) {
        case (.unplaced, _), (_, .nothing): return
        case (_, .entries(let those)) where those.isEmpty: return
        case (_, .unplaced), (.nothing, _): self = other
        case let (.entries(these), .entries(those)): self = .entries(these.union(those))
        }
    }
}
