package catalog

// Figures are what the annual report takes from the catalog for one agency
// and year. The store computes them (store.DB.CatalogFigures); the annual
// report's builder maps them onto its model:
//
//   - 图一 (items published per column): ByColumn;
//   - new media (图二): Channels, with Original counts;
//   - part 二, 2019 trial format: rules.made = Rules.Made,
//     rules.published = Rules.Published, rules.total = Rules.Total
//     (and the same for normative_documents);
//   - part 二, 2021 format: rules.issued = Rules.Published,
//     rules.repealed = Rules.Repealed, rules.in_force = Rules.InForce.
type Figures struct {
	AgencyID int64
	Year     int
	// Website is the number of items published on the website in the year.
	Website int
	// ByColumn counts the year's website items per column, in column
	// order; items without a column are under Column "" (未分类).
	ByColumn []ColumnCount
	// Channels counts the year's items per channel (website, WeChat,
	// other), each with how many were original.
	Channels []ChannelCount
	// Rules are 规章 and NormativeDocuments 规范性文件 (体裁分类).
	Rules              DocumentFigures
	NormativeDocuments DocumentFigures
}

// ColumnCount is the number of items published in a column.
type ColumnCount struct {
	ColumnID int64
	Column   string // "parent / child" for a sub-column
	Count    int
}

// ChannelCount is the number of items published on a channel.
type ChannelCount struct {
	Channel  Channel
	Count    int
	Original int
}

// DocumentFigures are the part 二 counts of one kind of document (规章 or
// 规范性文件), 主动公开 ones only.
type DocumentFigures struct {
	// Made counts documents whose 成文日期 falls in the year (本年新制作).
	Made int
	// Published counts documents published in the year (本年新公开, 本年制发).
	Published int
	// Repealed counts documents repealed or expired in the year (本年废止).
	Repealed int
	// Total counts documents published by the end of the year and not
	// withdrawn (对外公开总数量).
	Total int
	// InForce counts those of Total still valid at the end of the year
	// (现行有效).
	InForce int
}

// Channel returns the count of channel c, zero when there is none.
func (f Figures) Channel(c Channel) ChannelCount {
	for _, cc := range f.Channels {
		if cc.Channel == c {
			return cc
		}
	}
	return ChannelCount{Channel: c}
}

// NewMedia returns the items on channels other than the website.
func (f Figures) NewMedia() ChannelCount {
	n := ChannelCount{}
	for _, cc := range f.Channels {
		if cc.Channel != Website {
			n.Count += cc.Count
			n.Original += cc.Original
		}
	}
	return n
}
