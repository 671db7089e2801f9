import Analytics

/// Work started on a thread of its own and collected later with `wait()`: a stage that
/// overlaps the one before it (the exports are written while the pages render). Its errors are
/// thrown by `wait()`, so the runner tags them with the stage that collects them, as if the
/// work had run there. The thread is Analytics' ``SideThread``.
typealias BackgroundJob<Value: Sendable> = SideThread<Value, any Error>
