package trade

import "go.temporal.io/sdk/worker"

// WorkerOptions are the trade workers' options. Every signal to a running trade is a workflow
// task on the worker's sticky queue, and while that queue has a backlog the SDK sends every poll
// there: with the default two pollers, 50 trades in flight left new trades' first workflow tasks
// waiting 55 s on the normal queue. More pollers drain the sticky backlog and keep a poll on
// the normal queue.
func WorkerOptions() worker.Options {
	return worker.Options{MaxConcurrentWorkflowTaskPollers: 16}
}
