package logparse

import (
	"fmt"
	"testing"
)

func BenchmarkSummaryAdd(b *testing.B) {
	var evs []Event
	for i := range 81000 {
		evs = append(evs, Event{ID: "verify-error", Key: fmt.Sprintf("verify-error:%d", i%4), Client: fmt.Sprintf("10.2.%d.%d", i%15, i/15%250), Line: []byte("x")})
	}
	b.ResetTimer()
	for b.Loop() {
		s := NewSummary()
		s.lossless = true
		for _, e := range evs {
			s.Add(e)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/81000, "ns/event")
}
