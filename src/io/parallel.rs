//! Work spread over threads with the results in input order, so what a load returns (and the
//! order of its warnings) never depends on the thread count.

use std::sync::atomic::{AtomicUsize, Ordering};

use super::progress::Progress;

/// `work` applied to every item on up to `threads` threads (the caller's included), each
/// taking the next `batch` items until none are left; `progress` counts the items done. The
/// results come back in item order; `None` if `progress` was cancelled.
pub fn map_in_order<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    batch: usize,
    progress: &Progress,
    work: impl Fn(&T) -> R + Sync,
) -> Option<Vec<R>> {
    assert!(batch > 0, "a batch holds at least one item");
    let next = AtomicUsize::new(0);
    let take_batches = || {
        let mut done = Vec::new();
        while !progress.is_cancelled() {
            let start = next.fetch_add(batch, Ordering::Relaxed);
            if start >= items.len() {
                break;
            }
            let before = done.len();
            let taken = items.iter().enumerate().skip(start).take(batch);
            done.extend(taken.map(|(i, item)| (i, work(item))));
            progress.advance(done.len() - before);
        }
        done
    };
    let threads = threads.clamp(1, items.len().div_ceil(batch).max(1));
    let mut slots: Vec<Option<R>> = items.iter().map(|_| None).collect();
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(take_batches)).collect();
        let mut batches = vec![take_batches()];
        batches.extend(helpers.into_iter().map(rejoin));
        for (i, result) in batches.into_iter().flatten() {
            slots[i] = Some(result);
        }
    });
    if progress.is_cancelled() {
        return None;
    }
    Some(slots.into_iter().flatten().collect())
}

/// `first` and `second`, on two threads when `parallel` (the caller's runs `second`).
pub fn join<A: Send, B>(
    parallel: bool,
    first: impl FnOnce() -> A + Send,
    second: impl FnOnce() -> B,
) -> (A, B) {
    if !parallel {
        return (first(), second());
    }
    std::thread::scope(|scope| {
        let helper = scope.spawn(first);
        let second = second();
        (rejoin(helper), second)
    })
}

/// A helper thread's result; a panic in it is a bug, passed on as if it happened here.
fn rejoin<T>(helper: std::thread::ScopedJoinHandle<'_, T>) -> T {
    helper
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::time::{Duration, Instant};

    use super::*;

    #[test]
    fn results_come_back_in_item_order_whatever_the_thread_count() {
        let items: Vec<u64> = (0..120).collect();
        let expected: Vec<u64> = items.iter().map(|n| n * n).collect();
        for threads in [1, 2, 7] {
            for batch in [1, 3, 16] {
                let progress = Progress::default();
                let square = |n: &u64| {
                    // With helpers, the first item is done only after a helper has finished a
                    // batch: the work is shared, and results arrive out of order.
                    let start = Instant::now();
                    while *n == 0
                        && threads > 1
                        && progress.counts().0 == 0
                        && start.elapsed() < Duration::from_secs(10)
                    {
                        std::thread::sleep(Duration::from_millis(1));
                    }
                    (n * n, std::thread::current().id())
                };
                let done = map_in_order(&items, threads, batch, &progress, square).unwrap();
                let squares: Vec<u64> = done.iter().map(|(square, _)| *square).collect();
                assert_eq!(squares, expected, "{threads} threads, batch {batch}");
                assert_eq!(progress.counts().0, items.len());
                let workers: HashSet<_> = done.iter().map(|(_, thread)| *thread).collect();
                assert_eq!(
                    workers.len() > 1,
                    threads > 1,
                    "{threads} threads, batch {batch}"
                );
            }
        }
    }

    #[test]
    fn a_cancelled_map_returns_nothing() {
        let progress = Progress::default();
        let items = [1, 2, 3];
        let result = map_in_order(&items, 2, 1, &progress, |n| {
            progress.cancel();
            *n
        });
        assert_eq!(result, None);
    }

    #[test]
    fn join_returns_both_results_in_order_on_one_thread_or_two() {
        let here = std::thread::current().id();
        for parallel in [false, true] {
            let thread = || std::thread::current().id();
            let (first, second) = join(parallel, thread, thread);
            assert_eq!(second, here, "the second runs on the caller's thread");
            assert_eq!(
                first != here,
                parallel,
                "the first on its own only when parallel"
            );
        }
    }
}
