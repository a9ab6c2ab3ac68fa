import { Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A titled card (h2) grouping one topic of a page; the region is named by its title. */
export function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Card component="section" variant="outlined" aria-labelledby={id} sx={{ height: '100%' }}>
      <CardContent>
        <Typography component="h2" variant="h6" id={id} gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}
