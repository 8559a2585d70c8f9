tracebriefSearch.terms("ke",{"keir":"0,4,j,1,1"});
