module github.com/tradefin/tradefin/services/lc

go 1.26.0

require github.com/tradefin/tradefin/events v0.0.0-00010101000000-000000000000

require gopkg.in/yaml.v3 v3.0.1 // indirect

replace github.com/tradefin/tradefin/events => ../../events
