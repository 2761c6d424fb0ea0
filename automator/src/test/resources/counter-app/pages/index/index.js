Page({ data: { label: 'taps' } });
