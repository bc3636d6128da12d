package extract

import (
	"errors"
	"fmt"
	"sync"

	"github.com/tongbao/tongbao/segment"
	"github.com/tongbao/tongbao/zhconv"
)

// Preload loads the dictionaries, word lists and tables that extraction
// with opts needs, several at a time, and returns the first load error —
// the error NewDocument would return. Without it they load on first use,
// one after another, inside the first NewDocument: a program that extracts
// many documents calls Preload once at start, or in a goroutine while it
// opens its inputs, so that this start-up work overlaps. Calling it again,
// or at the same time as NewDocument, is safe and loads nothing twice.
func Preload(opts ...Option) error {
	cfg := new(config)
	for _, o := range opts {
		if o != nil {
			o(cfg)
		}
	}
	if err := checkTypeSet(cfg.types); err != nil {
		return err
	}
	var loads []func() error
	if cfg.t2s != zhconv.Never {
		loads = append(loads, zhconv.Load)
	}
	seen := map[string]bool{}
	var need func(names []string)
	need = func(names []string) {
		for _, n := range names {
			if r := resourceNamed(n); r != nil && !seen[n] {
				seen[n] = true
				need(r.needs)
				if l := r.loadFor(cfg); l != nil {
					loads = append(loads, l)
				}
			}
		}
	}
	for _, s := range plan(cfg.types) {
		need(s.needs)
		if s.load != nil {
			loads = append(loads, s.load)
		}
	}
	return runLoads(loads)
}

// runLoads runs the loads in parallel and joins their errors.
func runLoads(loads []func() error) error {
	errs := make([]error, len(loads))
	var wg sync.WaitGroup
	for i, l := range loads {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = l()
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// loadFor returns the load of the resource's data under cfg, or nil.
func (r *resource) loadFor(cfg *config) func() error {
	if r.name == resTokens && cfg.userSeg != nil {
		return nil // the caller's segmenter is loaded
	}
	return r.load
}

// Loads of the resources and stages: the process-wide data each reads,
// built once (see the stage and resource tables).

func loadSegmenter() error {
	if _, err := segment.Default(); err != nil {
		return fmt.Errorf("extract: loading the dictionary: %w", err)
	}
	return nil
}

func loadTimeData() error {
	timeWords()
	timeCtx()
	return nil
}

func loadPlaceData() error {
	if _, err := places(); err != nil {
		return fmt.Errorf("extract: loading the gazetteer: %w", err)
	}
	return nil
}

func loadOrgData() error { loadOrgs(); return nil }

func loadPersonData() error { loadPersons(); return nil }

func loadCountData() error {
	countUnits()
	countFixedWords()
	countData()
	return nil
}

func loadMetaData() error {
	metaNameLens()
	if _, err := metaCues(); err != nil {
		return err
	}
	if _, err := loadGazetteer(); err != nil {
		return fmt.Errorf("extract: loading the gazetteer: %w", err)
	}
	return nil
}

func loadIndicatorData() error { indicatorData(); return nil }
