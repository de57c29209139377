package ui

import tea "charm.land/bubbletea/v2"

// settle tells Options.Idle, once the analysis is in (or failed) and the
// article whole, that the reader has nothing left to do in the
// background: from then on only keys, resizes and the file watches wake
// it.
func (m *Model) settle() tea.Cmd {
	if m.opts.Idle == nil || m.idle || m.load.active() {
		return nil
	}
	m.idle = true
	return idleCmd(m.opts.Idle, true)
}

// stir tells Options.Idle that background work starts again: a reload,
// an analysis.
func (m *Model) stir() tea.Cmd {
	if !m.idle {
		return nil
	}
	m.idle = false
	return idleCmd(m.opts.Idle, false)
}

func idleCmd(f func(bool), idle bool) tea.Cmd {
	return func() tea.Msg {
		f(idle)
		return nil
	}
}
